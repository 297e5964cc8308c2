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
