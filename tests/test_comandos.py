"""Comandos de terminal: alta de usuarios y reporte de fidelización para cron."""

from pathlib import Path

from flask.testing import FlaskCliRunner
from openpyxl import load_workbook
from sqlalchemy import create_engine, select, text

from models import Usuario
from services.reporte_service import FILA_ENCABEZADO, HOJA_CLIENTES
from tests.fabricas import bogota, crear_cliente, crear_compra


def test_usuarios_crear_lee_la_contrasena_de_stdin_y_guarda_hash_argon2(
    runner: FlaskCliRunner, gateway
) -> None:
    resultado = runner.invoke(
        args=["usuarios", "crear", "--usuario", "Pedro.Gomez", "--nombre", "Pedro Gómez",
              "--rol", "supervisor", "--contrasena-stdin"],
        input="Clave-Segura-2026\n",
    )  # fmt: skip
    assert resultado.exit_code == 0, resultado.output
    assert "pedro.gomez" in resultado.output
    with gateway.session_scope() as sesion:
        usuario = sesion.scalar(select(Usuario).where(Usuario.usuario == "pedro.gomez"))
        assert usuario is not None and usuario.rol == "supervisor"
        assert usuario.contrasena_hash.startswith("$argon2id$")
        assert "Clave-Segura-2026" not in usuario.contrasena_hash


def test_usuarios_crear_rechaza_contrasena_debil_y_rol_desconocido(runner: FlaskCliRunner) -> None:
    debil = runner.invoke(
        args=["usuarios", "crear", "--usuario", "x.y.z", "--nombre", "X", "--rol", "agente",
              "--contrasena-stdin"],
        input="123\n",
    )  # fmt: skip
    assert debil.exit_code != 0
    assert "al menos" in debil.output
    rol = runner.invoke(
        args=["usuarios", "crear", "--usuario", "x.y.z", "--nombre", "X", "--rol", "jefe",
              "--contrasena-stdin"],
        input="Clave-Segura-2026\n",
    )  # fmt: skip
    assert rol.exit_code != 0


def test_reporte_fidelizacion_escribe_el_libro_del_mes(
    runner: FlaskCliRunner, gateway, tmp_path: Path
) -> None:
    cliente_id = crear_cliente(gateway, nombre="Óscar", apellido="Ñungo")
    crear_compra(gateway, cliente_id, bogota(2026, 9, 30, 23, 30), "5000000.01")
    salida = tmp_path / "reporte.xlsx"
    resultado = runner.invoke(
        args=["reporte", "fidelizacion", "--mes", "2026-09", "--salida", str(salida)]
    )
    assert resultado.exit_code == 0, resultado.output
    assert "1 cliente(s)" in resultado.output
    hoja = load_workbook(salida)[HOJA_CLIENTES]
    assert hoja.cell(FILA_ENCABEZADO + 1, 3).value == "Óscar"
    assert hoja.cell(FILA_ENCABEZADO + 1, 8).value == 5000000.01


def test_reporte_fidelizacion_con_mes_invalido_sale_con_error(
    runner: FlaskCliRunner, tmp_path: Path
) -> None:
    resultado = runner.invoke(
        args=["reporte", "fidelizacion", "--mes", "2026-13", "--salida", str(tmp_path / "r.xlsx")]
    )
    assert resultado.exit_code != 0
    assert "mes" in resultado.output
    assert not (tmp_path / "r.xlsx").exists()


def test_respaldo_copia_la_base_en_caliente_y_se_puede_restaurar(
    runner: FlaskCliRunner, gateway, motor: str, tmp_path: Path
) -> None:
    if motor != "sqlite":
        resultado = runner.invoke(args=["respaldo", "--destino", str(tmp_path / "r.db")])
        assert resultado.exit_code != 0
        assert "solo aplica a SQLite" in resultado.output
        return
    crear_cliente(gateway, nombre="Respaldada")
    destino = tmp_path / "copia" / "sac.db"
    resultado = runner.invoke(args=["respaldo", "--destino", str(destino)])
    assert resultado.exit_code == 0, resultado.output
    restaurada = create_engine(f"sqlite:///{destino}")
    with restaurada.connect() as conexion:
        assert conexion.execute(text("SELECT nombre FROM clientes")).scalar() == "Respaldada"
        assert conexion.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    restaurada.dispose()
    otra_vez = runner.invoke(args=["respaldo", "--destino", str(destino)])
    assert otra_vez.exit_code != 0
    assert "Ya existe" in otra_vez.output


def test_auditoria_depurar_borra_solo_lo_anterior_a_la_retencion(
    runner: FlaskCliRunner, gateway
) -> None:
    from datetime import timedelta

    from models import Auditoria
    from services.tiempo_service import ahora_utc

    with gateway.session_scope() as sesion:
        for dias in (10, 400, 2000):
            sesion.add(
                Auditoria(
                    fecha=ahora_utc() - timedelta(days=dias),
                    accion="consulta",
                    resultado="ok",
                    estado_http=200,
                )
            )
    corto = runner.invoke(args=["auditoria", "depurar", "--dias", "30"])
    assert corto.exit_code != 0
    assert "mínima" in corto.output
    resultado = runner.invoke(args=["auditoria", "depurar", "--dias", "365"])
    assert resultado.exit_code == 0, resultado.output
    assert "2 registro(s)" in resultado.output
    with gateway.session_scope() as sesion:
        acciones = sorted(sesion.scalars(select(Auditoria.accion)))
    assert acciones == ["consulta", "depuracion_auditoria"]
