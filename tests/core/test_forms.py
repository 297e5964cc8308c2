from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from core.forms import add_service_errors


class NameForm(forms.Form):
    name = forms.CharField()


def bound_form():
    form = NameForm({"name": "Suwon"})
    assert form.is_valid()
    return form


def test_add_service_errors_puts_a_named_field_error_on_that_field():
    form = bound_form()

    add_service_errors(form, ValidationError({"name": "Already on record."}))

    assert form.errors == {"name": ["Already on record."]}
    assert "name" not in form.cleaned_data


def test_add_service_errors_puts_errors_of_fields_the_form_lacks_above_the_form():
    form = bound_form()

    add_service_errors(
        form, ValidationError({"name": "Too long.", "resource": "The room is taken."})
    )

    assert form.errors == {"name": ["Too long."], NON_FIELD_ERRORS: ["The room is taken."]}


def test_add_service_errors_puts_a_plain_error_above_the_form():
    form = bound_form()

    add_service_errors(form, ValidationError(["Applications are closed.", "The event is full."]))

    assert form.non_field_errors() == ["Applications are closed.", "The event is full."]
    assert form.cleaned_data == {"name": "Suwon"}
