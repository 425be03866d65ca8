"""Monitoring: probes, their schedule, and what their results become.

- `probes/`: the probe kinds behind one shape (`ProbeTarget` -> `ProbeResult`);
"""
