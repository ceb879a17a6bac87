"""La documentación generada (diagrama ER) corresponde a los modelos actuales, y cada prueba que
`docs/seguridad.md` cita como evidencia de un control existe."""

import re
from pathlib import Path

from herramientas.diagrama_er import DOCUMENTO, diagrama, main, seccion_actual


def test_el_diagrama_er_de_la_documentacion_esta_al_dia() -> None:
    texto = DOCUMENTO.read_text(encoding="utf-8")
    assert seccion_actual(texto) == diagrama(), "Ejecute: python -m herramientas.diagrama_er"
    assert main(["--verificar"]) == 0


def test_el_diagrama_de_cuponeras_tiene_sus_tablas_y_las_del_nucleo_que_usa() -> None:
    from herramientas.diagrama_er import DOCS, tablas_de

    texto = diagrama(tablas_de("models.cuponeras"))
    for tabla in (
        "contratos",
        "facturas",
        "cupones",
        "pagos",
        "beneficios",
        "clientes",
        "usuarios",
    ):
        assert f"    {tabla} {{" in texto
    assert "    compras {" not in texto
    assert 'contratos ||--o{ facturas : "contrato_id"' in texto
    assert seccion_actual((DOCS / "cuponeras.md").read_text(encoding="utf-8")) == texto


def test_el_diagrama_tiene_todas_las_tablas_y_relaciones() -> None:
    texto = diagrama()
    for tabla in ("clientes", "compras", "tipos_documento", "usuarios", "auditoria", "sesiones"):
        assert f"    {tabla} {{" in texto
    assert 'clientes ||--o{ compras : "cliente_id"' in texto


def test_cada_prueba_citada_en_seguridad_md_existe() -> None:
    raiz = Path(__file__).resolve().parent.parent
    citadas = 0
    for fila in (raiz / "docs" / "seguridad.md").read_text(encoding="utf-8").splitlines():
        archivo = None
        # `tests/x.py::prueba` fija el archivo; `::otra` en la misma fila sigue en ese archivo.
        for ruta, nombre in re.findall(
            r"`(tests/[\w/]+\.py|frontend/[\w/.-]+)?(?:::(\w+))?`", fila
        ):
            if ruta:
                archivo = raiz / ruta
                assert archivo.exists(), f"docs/seguridad.md cita {ruta}, que no existe"
            if nombre:
                assert archivo is not None, fila
                assert f"def {nombre}(" in archivo.read_text(encoding="utf-8"), nombre
                citadas += 1
    assert citadas >= 15
