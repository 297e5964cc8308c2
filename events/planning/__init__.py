"""Planning a visit: what is free when (search and timelines) and the one-screen planner."""
