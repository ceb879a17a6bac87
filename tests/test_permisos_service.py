"""La tabla de permisos: una sola, completa, y la misma que muestra el README."""

from pathlib import Path

import pytest

from models import ROLES
from services import permisos_service


def test_el_readme_muestra_la_tabla_de_permisos_del_codigo() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert permisos_service.tabla_markdown() in readme, (
        "Copie en el README la salida de permisos_service.tabla_markdown()"
    )


def test_cada_rol_de_la_tabla_existe_y_cada_rol_tiene_algun_permiso() -> None:
    for roles in permisos_service.ROLES_POR_PERMISO.values():
        assert set(roles) <= set(ROLES)
    for rol in ROLES:
        assert permisos_service.permisos_de(rol), rol


def test_el_agente_el_supervisor_y_el_admin_conservan_lo_que_podian_en_el_sac() -> None:
    puede = permisos_service.puede
    assert puede("agente", "clientes.consultar") and puede("agente", "clientes.exportar")
    assert not puede("agente", "reportes.fidelizacion")
    assert puede("supervisor", "reportes.fidelizacion")
    assert not puede("supervisor", "usuarios.administrar")
    for permiso in ("usuarios.administrar", "auditoria.consultar", "importacion.cargar"):
        assert puede("admin", permiso)


def test_el_vendedor_solo_ve_su_ruta() -> None:
    assert permisos_service.permisos_de("vendedor") == ["catalogo.ruta"]


def test_un_permiso_desconocido_es_un_error_del_codigo() -> None:
    with pytest.raises(KeyError):
        permisos_service.puede("admin", "clientes.borrar")
