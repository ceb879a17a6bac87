"""Importación contra la base real: upsert por lotes, transacción única y modo parcial."""

import io
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from controllers import importacion_controller
from errores import DatosInvalidos
from models import Cliente, Compra
from services import busqueda_service
from tests.fabricas import crear_cliente

ENCABEZADO_CLIENTES = "tipo_documento,numero_documento,nombre,apellido,correo,telefono,ciudad"
ENCABEZADO_COMPRAS = "tipo_documento,numero_documento,numero_factura,fecha,total,estado,canal"
CLIENTES = [
    "CC,1020304050,María José,Peña Muñoz,maria@example.com,3001234567,Bogotá",
    "NIT,900123456-8,Comercializadora Andina S.A.S.,,ventas@example.com,6015551234,Barranquilla",
    "CE,4567890,Marielena,Rodríguez Pérez,,,Medellín",
]
COMPRAS = [
    "CC,1020304050,FV-000001,2026-10-31T23:30:00,2150000.00,pagada,tienda",
    "NIT,900123456,fv-000002,2026-10-05T10:00:00-05:00,8000000,pagada,web",
    "CE,4567890,FV-000003,2026-10-10,350000.50,anulada,",
]


def _csv(carpeta: Path, nombre: str, encabezado: str, filas: list[str]) -> Path:
    ruta = carpeta / nombre
    ruta.write_text("\n".join([encabezado, *filas]) + "\n", encoding="utf-8")
    return ruta


def _conteos(gateway) -> tuple[int, int]:
    with gateway.session_scope() as sesion:
        clientes = sesion.scalar(select(func.count()).select_from(Cliente))
        compras = sesion.scalar(select(func.count()).select_from(Compra))
        return clientes or 0, compras or 0


def _importar_todo(gateway, carpeta: Path, clientes=CLIENTES, compras=COMPRAS, parcial=False):
    return importacion_controller.importar(
        gateway,
        _csv(carpeta, "clientes.csv", ENCABEZADO_CLIENTES, clientes),
        _csv(carpeta, "compras.csv", ENCABEZADO_COMPRAS, compras),
        parcial=parcial,
    )


def test_importar_clientes_y_compras_guarda_todo_normalizado(gateway, tmp_path: Path) -> None:
    resultado = _importar_todo(gateway, tmp_path)
    assert resultado.confirmada and resultado.total_errores == 0
    assert [(r.archivo, r.insertadas) for r in resultado.archivos] == [
        ("clientes.csv", 3),
        ("compras.csv", 3),
    ]
    with gateway.session_scope() as sesion:
        empresa = sesion.scalars(
            select(Cliente).where(Cliente.numero_documento == "900123456")
        ).one()
        assert empresa.apellido == "" and empresa.tipo_documento.codigo == "NIT"
        assert empresa.telefono == "+576015551234"
        compra = sesion.scalars(select(Compra).where(Compra.numero_factura == "FV-000001")).one()
        assert compra.fecha == datetime(2026, 11, 1, 4, 30, tzinfo=UTC)
        assert compra.total == Decimal("2150000.00") and compra.canal == "tienda"
        anulada = sesion.scalars(select(Compra).where(Compra.numero_factura == "FV-000003")).one()
        assert anulada.fecha == datetime(2026, 10, 10, 5, 0, tzinfo=UTC)
        assert anulada.canal is None and anulada.estado == "anulada"


def test_reimportar_los_mismos_archivos_no_cambia_nada(gateway, tmp_path: Path) -> None:
    _importar_todo(gateway, tmp_path)
    with gateway.session_scope() as sesion:
        antes = sesion.execute(select(Compra.id, Compra.fecha, Compra.total)).all()
    resultado = _importar_todo(gateway, tmp_path)
    assert [(r.insertadas, r.actualizadas, r.sin_cambios) for r in resultado.archivos] == [
        (0, 0, 3),
        (0, 0, 3),
    ]
    assert _conteos(gateway) == (3, 3)
    with gateway.session_scope() as sesion:
        assert sesion.execute(select(Compra.id, Compra.fecha, Compra.total)).all() == antes


def test_reimportar_una_fila_cambiada_la_actualiza(gateway, tmp_path: Path) -> None:
    _importar_todo(gateway, tmp_path)
    clientes = [CLIENTES[0].replace("maria@example.com", "MJ.Pena@Example.com"), *CLIENTES[1:]]
    compras = [COMPRAS[0].replace("2150000.00", "2150000.01"), *COMPRAS[1:]]
    resultado = _importar_todo(gateway, tmp_path, clientes, compras)
    assert [(r.insertadas, r.actualizadas, r.sin_cambios) for r in resultado.archivos] == [
        (0, 1, 2),
        (0, 1, 2),
    ]
    with gateway.session_scope() as sesion:
        cliente = sesion.scalars(select(Cliente).where(Cliente.numero_documento == "1020304050"))
        assert cliente.one().correo == "mj.pena@example.com"
        total = sesion.scalar(select(Compra.total).where(Compra.numero_factura == "FV-000001"))
        assert total == Decimal("2150000.01")


def test_compra_de_un_cliente_inexistente_revierte_toda_la_importacion(
    gateway, tmp_path: Path
) -> None:
    compras = [*COMPRAS, "CC,11111111,FV-000009,2026-10-10T10:00:00,1000,pagada,web"]
    resultado = _importar_todo(gateway, tmp_path, compras=compras)
    assert not resultado.confirmada
    assert [str(e) for e in resultado.errores] == [
        "compras.csv, fila 5, numero_documento: No existe un cliente CC 11111111 (ni en la base "
        "ni entre los clientes válidos del archivo de clientes)."
    ]
    assert _conteos(gateway) == (0, 0)


def test_compras_pueden_referirse_a_clientes_que_ya_estaban_en_la_base(
    gateway, tmp_path: Path
) -> None:
    crear_cliente(gateway, tipo="CC", numero="79845123")
    compras = _csv(
        tmp_path, "compras.csv", ENCABEZADO_COMPRAS, ["CC,79845123,FV-1,2026-10-01,10,pagada,"]
    )
    resultado = importacion_controller.importar(gateway, compras=compras)
    assert resultado.confirmada and resultado.archivos[0].insertadas == 1


def test_importar_parcial_guarda_las_filas_validas_y_reporta_las_demas(
    gateway, tmp_path: Path
) -> None:
    clientes = [*CLIENTES, "CC,12,Corto,Documento,,,"]
    compras = [*COMPRAS, "CC,1020304050,FV-000010,2026-10-10T10:00:00,-1,pagada,web"]
    resultado = _importar_todo(gateway, tmp_path, clientes, compras, parcial=True)
    assert resultado.confirmada and resultado.rechazadas == 2
    assert [(e.archivo, e.fila, e.campo) for e in resultado.errores] == [
        ("clientes.csv", 5, "numero_documento"),
        ("compras.csv", 5, "total"),
    ]
    assert _conteos(gateway) == (3, 3)


def test_clave_repetida_en_el_mismo_archivo_gana_la_fila_posterior(gateway, tmp_path: Path) -> None:
    clientes = [*CLIENTES, CLIENTES[0].replace("María José", "María Josefa")]
    resultado = _importar_todo(gateway, tmp_path, clientes, COMPRAS)
    assert resultado.confirmada
    assert resultado.archivos[0].insertadas == 3 and resultado.archivos[0].actualizadas == 1
    with gateway.session_scope() as sesion:
        nombre = sesion.scalar(
            select(Cliente.nombre).where(Cliente.numero_documento == "1020304050")
        )
        assert nombre == "María Josefa"


def test_importar_acepta_flujos_binarios_con_nombre(gateway) -> None:
    contenido = "\n".join([ENCABEZADO_CLIENTES, *CLIENTES]).encode("utf-8-sig")
    resultado = importacion_controller.importar(
        gateway, clientes=("subida.csv", io.BytesIO(contenido))
    )
    assert resultado.archivos[0].archivo == "subida.csv"
    assert resultado.archivos[0].insertadas == 3


def test_importar_sin_archivos_o_con_archivo_inexistente_es_dato_invalido(
    gateway, tmp_path: Path
) -> None:
    with pytest.raises(DatosInvalidos, match="al menos un archivo"):
        importacion_controller.importar(gateway)
    with pytest.raises(DatosInvalidos, match=r"No se pudo abrir el archivo no-existe\.csv"):
        importacion_controller.importar(gateway, clientes=tmp_path / "no-existe.csv")


def test_archivo_danado_a_mitad_de_camino_no_deja_nada_escrito(
    gateway, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importacion_controller, "TAMANO_LOTE", 2)
    ruta = tmp_path / "clientes.csv"
    filas = [f"CC,{1000 + i},Ana,Ruiz,,," for i in range(3000)]
    ruta.write_bytes(
        ("\n".join([ENCABEZADO_CLIENTES, *filas]) + "\n").encode()
        + "CC,9,Ñ,Ñ,,,\n".encode("cp1252")
    )
    with pytest.raises(DatosInvalidos, match="no está en UTF-8"):
        importacion_controller.importar(gateway, clientes=ruta)
    assert _conteos(gateway) == (0, 0)


def test_los_errores_guardados_tienen_tope_pero_se_cuentan_todos(
    gateway, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importacion_controller, "MAXIMO_ERRORES", 5)
    clientes = [f"CC,{i},Ana,,,," for i in range(1000, 1012)]
    ruta = _csv(tmp_path, "clientes.csv", ENCABEZADO_CLIENTES, clientes)
    resultado = importacion_controller.importar(gateway, clientes=ruta)
    assert len(resultado.errores) == 5 and resultado.total_errores == 12
    assert resultado.rechazadas == 12


def test_la_importacion_agranda_el_cache_de_sqlite_solo_mientras_dura(
    gateway, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite escribe con un caché de páginas grande durante la importación y lo devuelve a su
    tamaño al terminar, también si la importación falla (la conexión vuelve al pool)."""
    if gateway.nombre != "sqlite":
        pytest.skip("el caché de páginas es de SQLite")
    vistos: list[int] = []
    indexar = busqueda_service.indexar_nuevos

    def indexar_y_mirar(conexion, nombres):
        vistos.append(conexion.exec_driver_sql("PRAGMA cache_size").scalar())
        return indexar(conexion, nombres)

    monkeypatch.setattr(busqueda_service, "indexar_nuevos", indexar_y_mirar)
    with gateway.connection_scope() as conexion:
        inicial = conexion.exec_driver_sql("PRAGMA cache_size").scalar()
    _importar_todo(gateway, tmp_path)
    resultado = _importar_todo(
        gateway,
        tmp_path,
        clientes=[*CLIENTES, "CC,5555555,Ana,Ruiz,,,Cali"],
        compras=[*COMPRAS, "CC,999,FV-9,2026-10-01,10,pagada,web"],
    )

    assert resultado.confirmada is False
    assert vistos == [-65_536, -65_536]
    with gateway.connection_scope() as conexion:
        assert conexion.exec_driver_sql("PRAGMA cache_size").scalar() == inicial
