"""`flask usuarios crear` con los roles del catálogo: vendedor (con zona obligatoria) y catalogo."""

from __future__ import annotations

from sqlalchemy import select

from models import Usuario


def _crear(runner, *argumentos: str):
    return runner.invoke(
        args=["usuarios", "crear", "--contrasena-stdin", *argumentos],
        input="Ruta-Segura-2026\n",
    )


def test_crear_vendedor_sin_zona_falla_y_no_escribe(runner, gateway) -> None:
    resultado = _crear(runner, "--usuario", "v.sinzona", "--nombre", "Vera", "--rol", "vendedor")
    assert resultado.exit_code == 1
    assert "zona" in resultado.output.lower()
    with gateway.session_scope() as sesion:
        assert sesion.scalar(select(Usuario.id).where(Usuario.usuario == "v.sinzona")) is None


def test_crear_vendedor_con_zona_y_usuario_de_catalogo(runner, gateway) -> None:
    vendedor = _crear(
        runner, "--usuario", "v.caribe", "--nombre", "Vera", "--rol", "vendedor", "--zona", "Caribe"
    )
    assert vendedor.exit_code == 0, vendedor.output
    catalogo = _crear(runner, "--usuario", "c.central", "--nombre", "Ciro", "--rol", "catalogo")
    assert catalogo.exit_code == 0, catalogo.output
    with gateway.session_scope() as sesion:
        filas = sesion.execute(
            select(Usuario.usuario, Usuario.rol, Usuario.zona)
            .where(Usuario.usuario.in_(["v.caribe", "c.central"]))
            .order_by(Usuario.usuario)
        ).all()
    assert [tuple(f) for f in filas] == [
        ("c.central", "catalogo", None),
        ("v.caribe", "vendedor", "Caribe"),
    ]
