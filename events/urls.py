"""Feed addresses; mounted outside the language prefix so a subscribed URL never changes."""

from django.urls import path

from .views import feeds

app_name = "events"

urlpatterns = [
    path("feeds/events.ics", feeds.public_events, name="feed-public-events"),
    path("feeds/events/<uuid:uid>.ics", feeds.public_event, name="feed-public-event"),
    path("feeds/private/<str:secret>.ics", feeds.private_feed, name="feed-private"),
]
