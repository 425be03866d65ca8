"""Support clocks for 100,000 tickets: the array path against the reference, and its speed."""
