"""Pasarelas hacia el exterior: la base de datos (SQLite, SQL Server u otro servidor por URL)."""
