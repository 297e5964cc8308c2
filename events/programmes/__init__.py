"""The signature programmes, one subpackage each: camp/ (the summer camp), envoy_tour/ (the
envoys' tour and forum) and freshmen/ (the freshmen party and its check-in).

Each has the layout of an app: selectors.py, services.py, forms.py and views.py; views.py
here holds what the three pages share and the index, urls.py their admin addresses.
"""
