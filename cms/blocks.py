"""StreamField blocks editors use for the rich part of public pages, one template each."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=255)
    size = blocks.ChoiceBlock(
        label=_("size"),
        choices=[("h2", _("section heading")), ("h3", _("sub-heading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("heading")
        template = "cms/blocks/heading_block.html"


class FigureBlock(blocks.StructBlock):
    # ImageBlock carries the alt text (or the "decorative" flag) with the image itself.
    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=255)
    credit = blocks.CharBlock(label=_("photo credit"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("figure")
        template = "cms/blocks/figure_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("quotation")
        template = "cms/blocks/quote_block.html"


class PerformerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"), max_length=255)
    role = blocks.CharBlock(
        label=_("role"), required=False, max_length=255, help_text=_("e.g. dance troupe, pianist")
    )
    description = blocks.TextBlock(label=_("description"), required=False)
    photo = ImageBlock(label=_("photo"), required=False)

    class Meta:
        icon = "user"
        label = _("performer")
        template = "cms/blocks/performer_block.html"


class PerformersBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=255)
    performers = blocks.ListBlock(PerformerBlock(), label=_("performers"))

    class Meta:
        icon = "group"
        label = _("performers")
        template = "cms/blocks/performers_block.html"


class GalleryBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=255)
    images = blocks.ListBlock(ImageBlock(), label=_("images"))

    class Meta:
        icon = "image"
        label = _("photo gallery")
        template = "cms/blocks/gallery_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("paragraph"),
        icon="pilcrow",
        features=["bold", "italic", "link", "ol", "ul", "h3"],
        template="cms/blocks/paragraph_block.html",
    )
    figure = FigureBlock()
    quote = QuoteBlock()
    performers = PerformersBlock()
    gallery = GalleryBlock()
