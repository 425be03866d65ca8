"""The store: SQLAlchemy models, migrations (Alembic) and the repositories over them.

SQLite is the embedded default; PostgreSQL (`postgresql+psycopg://...`) the server one.
`database` makes engines and runs migrations; `models/` holds the tables, every
tenant-owned one keyed by `tenant_id` first.
"""
