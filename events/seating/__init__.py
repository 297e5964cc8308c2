"""Seating plans for banquets and luncheons: the rules, the plan maker and the admin pages.

rules.py (what a plan is checked against) and solver.py (the plan maker) are pure: plain data
in, seats and rule violations out. selectors.py turns the records into that data and back into
the room picture, services.py writes plans, guest_lists.py invites a luncheon's guests and
printing.py makes the print pack. The models stay in events/models/seating.py.
"""
