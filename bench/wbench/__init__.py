"""The Wenshu benchmark harness: case generator, peer engines, zip floors, the Wenshu runner and the report.

Everything here is standard-library Python except the peers themselves, which `bench/run` installs into
virtual environments under `bench/.venv/`.
"""
