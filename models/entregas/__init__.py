"""M8 Entregas: repartidores y productos de referencia, pedidos entregados, sus líneas, las claves
de los dispositivos que registran y las firmas ya aceptadas."""

from models.entregas.entrega_model import (
    Dispositivo,
    FirmaUsada,
    LineaPedido,
    Pedido,
    ProductoEntrega,
    Repartidor,
)

__all__ = ["Dispositivo", "FirmaUsada", "LineaPedido", "Pedido", "ProductoEntrega", "Repartidor"]
