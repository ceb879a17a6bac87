"""`flask contratos importar` y `flask facturas importar`: CSV o XLSX, errores por fila, todo o
nada, idempotentes; cada factura nueva deja evento, notificación y correo."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from flask.testing import FlaskCliRunner
from sqlalchemy import func, select

from clients.base_datos_client import BaseDatosClient
from models import Correo
from models.cuponeras import Contrato, EventoContrato, Factura
from tests.catalogo.test_importacion_comandos import _csv, _xlsx
from tests.cuponeras.conftest import crear_usuario_portal, notificaciones_de
from tests.fabricas import crear_cliente

ENCABEZADO_CONTRATOS = ["numero_contrato", "tipo_documento", "numero_documento", "servicio",
                        "direccion", "ciudad", "fecha_inicio"]  # fmt: skip
CONTRATOS = [
    ["100200300", "CC", "1020304050", "energia", "Calle 10 # 20-30", "Medellín", "2024-01-15"],
    ["100200301", "cc", "1.020.304.050", "AGUA", "Calle 10 # 20-30", "Medellín", "2024-02-01"],
]
ENCABEZADO_FACTURAS = ["numero_contrato", "numero_factura", "periodo", "fecha_emision",
                       "fecha_vencimiento", "valor"]  # fmt: skip
FACTURAS = [
    ["100200300", "fe-2026-0001", "2026-09", "2026-09-01", "2026-09-20", "120000"],
    ["100200300", "FE-2026-0002", "2026-10", "2026-10-01", "2026-10-20", "80500"],
    ["100200301", "FE-2026-0003", "2026-10", "2026-10-01", "2026-10-20", "45000"],
]


def _conteos(gateway: BaseDatosClient) -> tuple[int, int, int, int]:
    with gateway.session_scope() as sesion:
        return tuple(  # type: ignore[return-value]
            sesion.scalar(select(func.count()).select_from(modelo)) or 0
            for modelo in (Contrato, Factura, EventoContrato, Correo)
        )


def _preparar(runner: FlaskCliRunner, gateway: BaseDatosClient, tmp_path: Path) -> int:
    cliente_id = crear_cliente(gateway, numero="1020304050", correo="ficha@example.com")
    resultado = runner.invoke(
        args=[
            "contratos",
            "importar",
            str(_csv(tmp_path / "c.csv", [ENCABEZADO_CONTRATOS, *CONTRATOS])),
        ]
    )
    assert resultado.exit_code == 0, resultado.output
    assert "2 insertadas" in resultado.output
    return cliente_id


def test_importar_contratos_y_facturas_deja_todo_pendiente_con_evento_notificacion_y_correo(
    runner: FlaskCliRunner, gateway: BaseDatosClient, tmp_path: Path
) -> None:
    cliente_id = _preparar(runner, gateway, tmp_path)
    usuario = crear_usuario_portal(gateway, cliente_id, "maria@portal.co")
    archivo = _xlsx(tmp_path / "f.xlsx", [ENCABEZADO_FACTURAS, *FACTURAS])
    resultado = runner.invoke(args=["facturas", "importar", str(archivo)])
    assert resultado.exit_code == 0, resultado.output
    assert "3 insertadas" in resultado.output
    with gateway.session_scope() as sesion:
        facturas = sesion.execute(
            select(Factura.numero_factura, Factura.estado, Factura.saldo).order_by(
                Factura.numero_factura
            )
        ).all()
        # Ya vencidas (2026-09-20 y 2026-10-20) pero importadas como pendientes.
        assert [tuple(f) for f in facturas] == [
            ("FE-2026-0001", "pendiente", 120_000),
            ("FE-2026-0002", "pendiente", 80_500),
            ("FE-2026-0003", "pendiente", 45_000),
        ]
        eventos = sesion.scalars(select(EventoContrato.tipo)).all()
        assert eventos == ["factura_emitida"] * 3
        correos = sesion.execute(
            select(Correo.destinatario, Correo.referencia).order_by(Correo.id)
        ).all()
        assert [tuple(c) for c in correos] == [
            ("maria@portal.co", "factura:FE-2026-0001"),
            ("maria@portal.co", "factura:FE-2026-0002"),
            ("maria@portal.co", "factura:FE-2026-0003"),
        ]
        cuerpo = sesion.scalar(
            select(Correo.cuerpo).where(Correo.referencia == "factura:FE-2026-0002")
        )
        assert "$ 80.500" in str(cuerpo) and "2026-10-20" in str(cuerpo)
    assert [t for t, _ in notificaciones_de(gateway, usuario)] == ["factura_emitida"] * 3


def test_sin_usuario_del_portal_el_correo_va_al_de_la_ficha_y_no_hay_notificacion(
    runner: FlaskCliRunner, gateway: BaseDatosClient, tmp_path: Path
) -> None:
    _preparar(runner, gateway, tmp_path)
    archivo = _csv(tmp_path / "f.csv", [ENCABEZADO_FACTURAS, FACTURAS[0]])
    assert runner.invoke(args=["facturas", "importar", str(archivo)]).exit_code == 0
    with gateway.session_scope() as sesion:
        assert sesion.scalars(select(Correo.destinatario)).all() == ["ficha@example.com"]


def test_reimportar_los_mismos_archivos_no_cambia_nada(
    runner: FlaskCliRunner, gateway: BaseDatosClient, tmp_path: Path
) -> None:
    _preparar(runner, gateway, tmp_path)
    archivo = _csv(tmp_path / "f.csv", [ENCABEZADO_FACTURAS, *FACTURAS])
    assert runner.invoke(args=["facturas", "importar", str(archivo)]).exit_code == 0
    antes = _conteos(gateway)
    otra = runner.invoke(args=["facturas", "importar", str(archivo)])
    assert otra.exit_code == 0 and "0 insertadas, 0 actualizadas, 3 sin cambios" in otra.output
    contratos = runner.invoke(
        args=[
            "contratos",
            "importar",
            str(_csv(tmp_path / "c.csv", [ENCABEZADO_CONTRATOS, *CONTRATOS])),
        ]
    )
    assert "0 insertadas, 0 actualizadas, 2 sin cambios" in contratos.output
    assert _conteos(gateway) == antes


def test_una_fila_mala_no_escribe_nada_y_lista_archivo_fila_campo_y_motivo(
    runner: FlaskCliRunner, gateway: BaseDatosClient, tmp_path: Path
) -> None:
    _preparar(runner, gateway, tmp_path)
    antes = _conteos(gateway)
    filas = [
        ENCABEZADO_FACTURAS,
        FACTURAS[0],
        ["100200300", "FE-X1", "2026-13", "2026-10-01", "2026-09-20", "12.5"],
        ["999999999", "FE-X2", "2026-10", "2026-10-01", "2026-10-20", "1000"],
        ["100200300", "FE-X3", "2026-09", "2026-09-01", "2026-09-20", "1000"],  # periodo repetido
        ["100200300", "FE-X4", "2026-11", "31/10/2026", "2026-11-20", "0"],
    ]
    resultado = runner.invoke(args=["facturas", "importar", str(_csv(tmp_path / "f.csv", filas))])
    assert resultado.exit_code == 1
    salida = resultado.output
    assert "f.csv, fila 3, periodo: Periodo no válido" in salida
    assert "f.csv, fila 3, valor: El valor va en pesos enteros" in salida
    assert "f.csv, fila 4, numero_contrato: No existe el contrato 999999999" in salida
    assert (
        "f.csv, fila 5, periodo: El contrato 100200300 ya tiene la factura FE-2026-0001" in salida
    )
    assert (
        "f.csv, fila 6, fecha_emision: La fecha fecha_emision debe tener el formato AAAA-MM-DD"
        in salida
    )
    assert "f.csv, fila 6, valor: El valor debe ser mayor que 0" in salida
    assert "no se escribió nada" in salida
    assert _conteos(gateway) == antes


def test_con_parcial_se_guardan_las_validas(
    runner: FlaskCliRunner, gateway: BaseDatosClient, tmp_path: Path
) -> None:
    _preparar(runner, gateway, tmp_path)
    filas = [
        ENCABEZADO_FACTURAS,
        FACTURAS[0],
        ["999999999", "FE-X2", "2026-10", "2026-10-01", "2026-10-20", "1"],
    ]
    resultado = runner.invoke(
        args=["facturas", "importar", "--parcial", str(_csv(tmp_path / "f.csv", filas))]
    )
    assert resultado.exit_code == 1 and "1 insertadas" in resultado.output
    assert _conteos(gateway)[1] == 1


def test_una_factura_ya_emitida_no_se_modifica_al_reimportarla_con_otros_datos(
    runner: FlaskCliRunner, gateway: BaseDatosClient, tmp_path: Path
) -> None:
    _preparar(runner, gateway, tmp_path)
    runner.invoke(
        args=[
            "facturas",
            "importar",
            str(_csv(tmp_path / "f.csv", [ENCABEZADO_FACTURAS, FACTURAS[0]])),
        ]
    )
    cambiada = [*FACTURAS[0][:5], "999999"]
    resultado = runner.invoke(
        args=[
            "facturas",
            "importar",
            str(_csv(tmp_path / "g.csv", [ENCABEZADO_FACTURAS, cambiada])),
        ]
    )
    assert resultado.exit_code == 1 and "una factura emitida no se modifica" in resultado.output


def test_contratos_con_titular_inexistente_o_datos_malos_se_rechazan_por_fila(
    runner: FlaskCliRunner, gateway: BaseDatosClient, tmp_path: Path
) -> None:
    crear_cliente(gateway, numero="1020304050")
    filas = [
        ENCABEZADO_CONTRATOS,
        ["12345", "CC", "1020304050", "energia", "Calle 1", "Cali", "2024-01-01"],
        ["123456", "CC", "555", "luz", "", "Cali", "2999-01-01"],
        ["1234567", "XX", "1020304050", "gas", "Calle 1", "Cali", "2024-01-01"],
        ["12345678", "CC", "99999999", "gas", "Calle 1", "Cali", "2024-01-01"],
    ]
    resultado = runner.invoke(args=["contratos", "importar", str(_csv(tmp_path / "c.csv", filas))])
    salida = resultado.output
    assert resultado.exit_code == 1
    assert (
        "fila 2, numero_contrato: El número de contrato debe tener entre 6 y 12 dígitos" in salida
    )
    assert "fila 3, servicio: Servicio no válido" in salida
    assert "fila 3, direccion: El campo direccion es obligatorio" in salida
    assert "fila 3, fecha_inicio: La fecha fecha_inicio no puede estar en el futuro" in salida
    assert "fila 4, tipo_documento" in salida
    assert "fila 5, numero_documento: No existe un cliente CC 99999999" in salida
    with gateway.session_scope() as sesion:
        assert sesion.scalar(select(func.count()).select_from(Contrato)) == 0


def test_el_titular_de_un_contrato_no_cambia_al_reimportar(
    runner: FlaskCliRunner, gateway: BaseDatosClient, tmp_path: Path
) -> None:
    _preparar(runner, gateway, tmp_path)
    crear_cliente(gateway, numero="79888777")
    otra = [
        ["100200300", "CC", "79888777", "energia", "Calle 10 # 20-30", "Medellín", "2024-01-15"]
    ]
    resultado = runner.invoke(
        args=["contratos", "importar", str(_csv(tmp_path / "d.csv", [ENCABEZADO_CONTRATOS, *otra]))]
    )
    assert resultado.exit_code == 1 and "ya existe con otro titular" in resultado.output


def test_un_archivo_inexistente_o_sin_columnas_es_un_error_claro(
    runner: FlaskCliRunner, tmp_path: Path
) -> None:
    resultado = runner.invoke(args=["facturas", "importar", str(tmp_path / "no.csv")])
    assert resultado.exit_code == 1 and "no existe" in resultado.output
    incompleto = _csv(tmp_path / "i.csv", [["numero_contrato", "valor"], ["100200300", "1"]])
    resultado = runner.invoke(args=["facturas", "importar", str(incompleto)])
    assert resultado.exit_code == 1 and "numero_factura" in resultado.output


def test_el_xlsx_con_fechas_y_numeros_de_excel_se_entiende(
    runner: FlaskCliRunner, gateway: BaseDatosClient, tmp_path: Path
) -> None:
    _preparar(runner, gateway, tmp_path)
    filas = [
        ENCABEZADO_FACTURAS,
        ["100200300", "FE-9", "2026-10", datetime(2026, 10, 1), date(2026, 10, 20), 80500.0],
    ]
    resultado = runner.invoke(args=["facturas", "importar", str(_xlsx(tmp_path / "f.xlsx", filas))])
    assert resultado.exit_code == 0, resultado.output
    with gateway.session_scope() as sesion:
        factura = sesion.scalars(select(Factura)).one()
        assert (factura.fecha_emision, factura.valor) == (date(2026, 10, 1), 80_500)
