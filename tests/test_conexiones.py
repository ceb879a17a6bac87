"""`UnaPeticionALaVez`: la app calcula de a una petición por worker, pero esperar el cuerpo de un
cliente lento no detiene a las demás."""

import io
import threading
import time

from routes.conexiones import UnaPeticionALaVez


class _CuerpoQueEspera(io.RawIOBase):
    """Un cuerpo que no llega hasta que la prueba lo suelta (un cliente lento)."""

    def __init__(self) -> None:
        self.llego = threading.Event()

    def read(self, n: int = -1) -> bytes:
        assert self.llego.wait(5)
        return b"{}"


def test_un_cuerpo_lento_no_retiene_el_candado_y_el_calculo_va_de_a_uno() -> None:
    dentro = 0
    maximo_dentro = 0
    candado_contador = threading.Lock()

    def aplicacion(entorno, iniciar):
        nonlocal dentro, maximo_dentro
        entorno["wsgi.input"].read()
        with candado_contador:
            dentro += 1
            maximo_dentro = max(maximo_dentro, dentro)
        time.sleep(0.01)  # «calcula»
        with candado_contador:
            dentro -= 1
        iniciar("200 OK", [])
        return [b"ok"]

    envuelta = UnaPeticionALaVez(aplicacion)
    lenta = _CuerpoQueEspera()
    hilo_lento = threading.Thread(target=envuelta, args=({"wsgi.input": lenta}, lambda *_: None))
    hilo_lento.start()
    time.sleep(0.05)
    inicio = time.monotonic()
    rapidas = [
        threading.Thread(target=envuelta, args=({"wsgi.input": io.BytesIO(b"")}, lambda *_: None))
        for _ in range(5)
    ]
    for hilo in rapidas:
        hilo.start()
    for hilo in rapidas:
        hilo.join(5)
    # Las cinco terminaron mientras el cuerpo lento seguía sin llegar.
    assert time.monotonic() - inicio < 2
    assert hilo_lento.is_alive()
    lenta.llego.set()
    hilo_lento.join(5)
    assert not hilo_lento.is_alive()
    assert maximo_dentro == 1  # nunca dos peticiones calculando a la vez en el worker
