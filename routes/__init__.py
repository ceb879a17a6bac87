"""Capa HTTP: un Blueprint por entidad; valida, verifica el rol y delega en un controlador."""
