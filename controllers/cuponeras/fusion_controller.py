"""Lo que M6 mueve al fusionar dos clientes (M10): los contratos (con sus facturas y cupones, que
cuelgan del contrato), los beneficios y los usuarios del portal del absorbido pasan al sobreviviente.

Un beneficio es único por cliente, regla y mes: si el sobreviviente ya tiene el de esa regla y ese
mes, el del absorbido no se mueve y se queda con él (no se borra ni cambia de estado) y se cuenta en
`beneficios_conservados`: tras la fusión son una sola persona, y la regla da un beneficio por mes.
"""

from __future__ import annotations

from sqlalchemy import and_, exists, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import aliased

from models import Usuario
from models.cuponeras import Beneficio, Contrato
from services.tiempo_service import ahora_utc


def mover(conexion: Connection, de_id: int, a_id: int) -> dict[str, int]:
    """Contratos, beneficios y usuarios del portal de `de_id` a `a_id`, con sus conteos."""
    contratos = conexion.execute(
        update(Contrato)
        .where(Contrato.cliente_id == de_id)
        .values(cliente_id=a_id, actualizado_en=ahora_utc())
    ).rowcount
    del_sobreviviente = aliased(Beneficio)
    ya_tiene = exists().where(
        del_sobreviviente.cliente_id == a_id,
        del_sobreviviente.regla == Beneficio.regla,
        del_sobreviviente.mes == Beneficio.mes,
    )
    # MariaDB no deja leer en una subconsulta la tabla que actualiza: los ids van primero.
    movibles = list(
        conexion.execute(
            select(Beneficio.id).where(and_(Beneficio.cliente_id == de_id, ~ya_tiene))
        ).scalars()
    )
    conservados = conexion.execute(
        select(Beneficio.id).where(Beneficio.cliente_id == de_id, ya_tiene)
    ).all()
    beneficios = 0
    for inicio in range(0, len(movibles), 1000):  # SQL Server admite 2100 parámetros
        beneficios += conexion.execute(
            update(Beneficio)
            .where(Beneficio.id.in_(movibles[inicio : inicio + 1000]))
            .values(cliente_id=a_id)
        ).rowcount
    usuarios = conexion.execute(
        update(Usuario).where(Usuario.cliente_id == de_id).values(cliente_id=a_id)
    ).rowcount
    return {
        "contratos": contratos,
        "beneficios": beneficios,
        "beneficios_conservados": len(conservados),
        "usuarios_portal": usuarios,
    }
