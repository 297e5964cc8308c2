"""The demo data: the 2019 report's records and marked illustrations, loaded by `load_demo`.

Data, not code of the apps: it writes through the apps' services and models, and no app
imports it.
"""
