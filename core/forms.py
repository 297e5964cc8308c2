"""Form helpers shared by the public site and the admin."""


def add_service_errors(form, error):
    """Show a service's ValidationError on a form: next to the fields it names, the rest above.

    Services validate the whole write (their model's full_clean, database rules); a form that
    has already checked its own input still shows what the service refused in the same place.
    """
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)
