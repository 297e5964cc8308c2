"""Images reach readers as Wagtail renditions with their alt text."""

import json
import re

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from tests.factories.cms import event_page


def _image(title, description):
    return get_image_model().objects.create(
        title=title, description=description, file=get_test_image_file()
    )


def test_event_page_hero_and_figures_are_renditions_with_alt_text(client, tree, luncheon):
    hero = _image("hero", "Guests on the Xiziwan beach terrace")
    dancers = _image("dancers", "")
    pages = event_page(
        tree,
        luncheon,
        slug="with-images",
        languages=["en"],
        hero_image=hero,
        # Raw stream data, as the admin saves it.
        body=json.dumps(
            [
                {
                    "type": "figure",
                    "value": {
                        "image": {
                            "image": dancers.pk,
                            "decorative": False,
                            "alt_text": "Dragon dance",
                        },
                        "caption": "The opening performance",
                        "credit": "",
                    },
                },
                {
                    "type": "performers",
                    "value": {
                        "heading": "",
                        "performers": [
                            {
                                "name": "Kaohsiung Youth Orchestra",
                                "role": "",
                                "description": "",
                                "photo": None,
                            }
                        ],
                    },
                },
            ]
        ),
    )
    body = client.get(pages["en"].url).content.decode()
    images = re.findall(r"<img [^>]*>", body)
    assert len(images) == 2
    assert 'alt="Guests on the Xiziwan beach terrace"' in images[0]
    assert "/images/" in images[0] and ".fill-1200x500" in images[0]
    assert 'alt="Dragon dance"' in images[1]
    assert ".width-960" in images[1]
    assert "<figcaption>The opening performance" in body
    assert "<strong>Kaohsiung Youth Orchestra</strong>" in body


def _png(width, height):
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = BytesIO()
    # One bit per pixel keeps even 121 megapixels at 15 MB in memory and tiny on disk.
    Image.new("1", (width, height)).save(buffer, "PNG")
    return SimpleUploadedFile("huge.png", buffer.getvalue(), content_type="image/png")


def test_an_image_of_121_megapixels_is_refused_with_a_clear_message(admin_client):
    from django.urls import reverse
    from django.utils import translation

    with translation.override("en"):
        response = admin_client.post(
            reverse("wagtailimages:add"),
            {"title": "Bomb", "file": _png(11_000, 11_000)},
            HTTP_ACCEPT_LANGUAGE="en",
        )

    assert get_image_model().objects.count() == 0
    assert "too many pixels" in response.content.decode()


def test_pillow_refuses_to_decode_beyond_the_limit():
    from PIL import Image

    assert Image.MAX_IMAGE_PIXELS == 40_000_000
