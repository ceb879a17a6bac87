"""La documentación generada (diagrama ER) corresponde a los modelos actuales."""

from herramientas.diagrama_er import DOCUMENTO, diagrama, main, seccion_actual


def test_el_diagrama_er_de_la_documentacion_esta_al_dia() -> None:
    texto = DOCUMENTO.read_text(encoding="utf-8")
    assert seccion_actual(texto) == diagrama(), "Ejecute: python -m herramientas.diagrama_er"
    assert main(["--verificar"]) == 0


def test_el_diagrama_tiene_todas_las_tablas_y_relaciones() -> None:
    texto = diagrama()
    for tabla in ("clientes", "compras", "tipos_documento", "usuarios", "auditoria", "sesiones"):
        assert f"    {tabla} {{" in texto
    assert 'clientes ||--o{ compras : "cliente_id"' in texto
