"""Business writes for events, one module per aggregate (bookings, invitations, ...)."""
