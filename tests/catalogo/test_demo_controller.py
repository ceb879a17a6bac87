"""Siembra del catálogo de demostración (la corre `flask seed`): completa, vigente hoy e idempotente."""

from __future__ import annotations

from sqlalchemy import func, select

from controllers.auth_controller import UsuarioActual
from controllers.catalogo import demo_controller, portafolio_controller, ruta_controller
from models import Usuario
from models.catalogo import Establecimiento, Portafolio, Producto
from services.catalogo import demo_service
from services.tiempo_service import ahora_utc, hoy_bogota


def test_la_siembra_crea_productos_establecimientos_portafolios_y_usuarios(gateway):
    lineas = demo_controller.sembrar(gateway, ahora_utc())
    assert "Usuario vendedor (vendedor): creado." in lineas
    assert "Catálogo, productos: 60 nuevos, 0 actualizados, 0 sin cambios." in lineas
    with gateway.session_scope() as sesion:
        categorias = sesion.scalars(select(func.count(func.distinct(Producto.categoria)))).one()
        assert categorias == 6
        tipos = sesion.scalars(select(func.count(func.distinct(Establecimiento.tipo_id)))).one()
        assert tipos == 5
        assert sesion.scalar(select(func.count()).where(Establecimiento.latitud.is_(None))) == 0
        vendedor = sesion.scalars(select(Usuario).where(Usuario.usuario == "vendedor")).one()
        assert (vendedor.rol, vendedor.zona) == ("vendedor", "Bogotá Norte")
        en_vigor = portafolio_controller.vigentes_por_tipo(sesion, hoy_bogota())
        assert len(en_vigor) == 5
        assert sesion.scalar(select(func.count()).select_from(Portafolio)) == 6


def test_la_ruta_del_vendedor_demo_tiene_establecimientos_con_portafolio(gateway):
    demo_controller.sembrar(gateway, ahora_utc())
    with gateway.session_scope() as sesion:
        vendedor = sesion.scalars(select(Usuario).where(Usuario.usuario == "vendedor")).one()
        actual = UsuarioActual(vendedor.id, vendedor.usuario, vendedor.nombre, vendedor.rol)
    ruta = ruta_controller.ruta(gateway, actual)
    esperados = sum(1 for fila in demo_service.ESTABLECIMIENTOS_DEMO if fila[-1])
    assert len(ruta["establecimientos"]) == esperados >= 5
    assert all(parada["portafolio"] is not None for parada in ruta["establecimientos"])


def test_repetir_la_siembra_no_duplica_nada(gateway):
    demo_controller.sembrar(gateway, ahora_utc())
    lineas = demo_controller.sembrar(gateway, ahora_utc())
    assert "Usuario catalogo (catalogo): ya existía." in lineas
    assert "Catálogo, productos: 0 nuevos, 0 actualizados, 60 sin cambios." in lineas
    assert "Catálogo, establecimientos: 0 nuevos, 0 actualizados, 16 sin cambios." in lineas
    assert "Catálogo, portafolios: 0 nuevos, 6 ya existían." in lineas


def test_flask_seed_siembra_tambien_el_catalogo(runner, gateway):
    resultado = runner.invoke(args=["seed", "--clientes", "0"])
    assert resultado.exit_code == 0, resultado.output
    assert "Catálogo, productos: 60 nuevos" in resultado.output
    with gateway.session_scope() as sesion:
        assert sesion.scalar(select(func.count()).select_from(Producto)) == 60
