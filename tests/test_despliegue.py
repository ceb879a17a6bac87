"""Los archivos de deploy/ y la guía de implementación: lo que se comprueba sin instalar nada.

La instalación completa (usuario, nginx, systemd, /api/salud a través de nginx) la corre
`make prueba-despliegue` (deploy/prueba-despliegue.sh); aquí va lo que cabe en `make test`: las reglas
de systemd para el archivo de entorno, los límites de nginx frente a los de la app y las unidades.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from config import cargar_configuracion
from herramientas.prueba_guia import extraer_bloques
from herramientas.systemd_local import (
    diferencias_bash_systemd,
    ejecutar,
    leer_entorno,
    leer_unidad,
)

RAIZ = Path(__file__).resolve().parent.parent
DEPLOY = RAIZ / "deploy"
GUIA = RAIZ / "docs" / "guia-implementacion.md"
UNIDADES = sorted(DEPLOY.glob("sac*.service"))
TAMANOS = {"": 1, "k": 1024, "m": 1024 * 1024, "g": 1024 * 1024 * 1024}


def _tamano_nginx(valor: str) -> int:
    numero, unidad = re.fullmatch(r"(\d+)([kmg]?)", valor.lower()).groups()
    return int(numero) * TAMANOS[unidad]


def _bloques_nginx(texto: str) -> dict[str, str]:
    """El texto de cada `location` y el del `server` HTTPS sin sus `location` (sitio sin anidar más)."""
    texto = re.sub(r"#.*", "", texto)
    ubicaciones = dict(re.findall(r"location\s+(\S+)\s*\{([^}]*)\}", texto))
    servidor = re.findall(r"server\s*\{(.*?listen 443.*)\}\s*$", texto, re.S)[0]
    ubicaciones["server"] = re.sub(r"location\s+\S+\s*\{[^}]*\}", "", servidor)
    return ubicaciones


def _directiva(bloque: str, nombre: str) -> str:
    valores = re.findall(rf"^\s*{nombre}\s+([^;]+);", bloque, re.M)
    assert len(valores) == 1, f"{nombre}: {valores}"
    return str(valores[0]).strip()


def _escribir(tmp_path: Path, texto: str) -> Path:
    archivo = tmp_path / "sac.env"
    archivo.write_text(texto, encoding="utf-8")
    return archivo


def test_systemd_toma_el_comentario_al_final_de_la_linea_como_parte_del_valor() -> None:
    leido = leer_entorno("PROXIES_CONFIABLES=1          # nginx está delante\n# comentario\n")
    assert leido == {"PROXIES_CONFIABLES": "1          # nginx está delante"}


def test_systemd_lee_comillas_escapes_y_espacios_como_dice_systemd_exec() -> None:
    texto = (
        'A="ODBC Driver 18 for SQL Server"\n'
        "B='literal \\n $x'\n"
        '  C = "con \\"comillas\\" y \\\\ barra \\q" \n'
        "D=sin comillas   \n"
        "E=partido \\\n"
        "en dos\n"
        "; otro comentario\n"
        "sin igual\n"
        "1MALO=x\n"
        "F=\n"
    )
    assert leer_entorno(texto) == {
        "A": "ODBC Driver 18 for SQL Server",
        "B": "literal \\n $x",
        "C": 'con "comillas" y \\ barra \\q',
        "D": "sin comillas",
        "E": "partido en dos",
        "F": "",
    }


def test_comparar_detecta_el_driver_sin_comillas_que_rompe_bash(tmp_path: Path) -> None:
    archivo = _escribir(tmp_path, "SQLSERVER_DRIVER=ODBC Driver 18 for SQL Server\n")
    with pytest.raises(RuntimeError, match="bash no lee"):
        diferencias_bash_systemd(archivo)


def test_comparar_detecta_el_comentario_en_linea_que_systemd_toma_como_valor(
    tmp_path: Path,
) -> None:
    archivo = _escribir(tmp_path, "PROXIES_CONFIABLES=1   # nginx\n")
    problemas = diferencias_bash_systemd(archivo)
    assert problemas == ["PROXIES_CONFIABLES: systemd lee '1   # nginx' y bash lee '1'"]


def test_el_ejemplo_de_produccion_se_lee_igual_con_bash_y_con_systemd(tmp_path: Path) -> None:
    texto = (DEPLOY / "sac.env.ejemplo").read_text(encoding="utf-8")
    assert diferencias_bash_systemd(_escribir(tmp_path, texto)) == []
    con_sqlserver = re.sub(r"^#SQLSERVER_", "SQLSERVER_", texto, flags=re.M)
    archivo = _escribir(tmp_path, con_sqlserver)
    assert diferencias_bash_systemd(archivo) == []
    assert leer_entorno(con_sqlserver)["SQLSERVER_DRIVER"] == "ODBC Driver 18 for SQL Server"


def test_nginx_limita_los_cuerpos_igual_que_la_app(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("MAX_CONTENT_LENGTH", "IMPORTACION_MAX_BYTES"):
        monkeypatch.delenv(variable, raising=False)
    config = cargar_configuracion({"APP_ENV": "testing"})
    bloques = _bloques_nginx((DEPLOY / "nginx-sac.conf").read_text(encoding="utf-8"))
    servidor, importaciones = bloques["server"], bloques["/api/importaciones"]
    assert (
        _tamano_nginx(_directiva(servidor, "client_max_body_size")) == config["MAX_CONTENT_LENGTH"]
    )
    assert (
        _tamano_nginx(_directiva(importaciones, "client_max_body_size"))
        == config["IMPORTACION_MAX_BYTES"]
    )
    assert _directiva(servidor, "proxy_request_buffering") == "on"
    assert _directiva(servidor, "client_body_timeout").endswith("s")
    ejemplo = leer_entorno((DEPLOY / "sac.env.ejemplo").read_text(encoding="utf-8"))
    assert int(ejemplo["MAX_CONTENT_LENGTH"]) == config["MAX_CONTENT_LENGTH"]
    assert int(ejemplo["IMPORTACION_MAX_BYTES"]) == config["IMPORTACION_MAX_BYTES"]


def test_nginx_pasa_los_eventos_en_vivo_sin_bufer_y_con_conexion_larga() -> None:
    eventos = _bloques_nginx((DEPLOY / "nginx-sac.conf").read_text(encoding="utf-8"))[
        "/api/entregas/eventos"
    ]
    assert _directiva(eventos, "proxy_buffering") == "off"
    assert int(_directiva(eventos, "proxy_read_timeout").rstrip("s")) >= 3600


def test_el_formato_del_registro_de_nginx_va_fuera_del_sitio() -> None:
    sitio = re.sub(r"#.*", "", (DEPLOY / "nginx-sac.conf").read_text(encoding="utf-8"))
    registro = (DEPLOY / "nginx-sac-registro.conf").read_text(encoding="utf-8")
    assert "log_format" not in sitio
    assert "access_log /var/log/nginx/sac_access.log sac_sin_consulta;" in sitio
    assert re.search(r"^log_format sac_sin_consulta .*\$uri", registro, re.M)
    assert "$request_uri" not in registro and "$args" not in registro


@pytest.mark.parametrize("unidad", UNIDADES, ids=lambda ruta: ruta.name)
def test_cada_servicio_corre_como_sac_con_el_entorno_y_umask_0077(unidad: Path) -> None:
    servicio = leer_unidad(unidad.read_text(encoding="utf-8"))["Service"]
    assert servicio["User"] == ["sac"] and servicio["Group"] == ["sac"]
    assert servicio["EnvironmentFile"] == ["/etc/sac/sac.env"]
    assert servicio["UMask"] == ["0077"]
    assert servicio["StateDirectoryMode"] == ["0700"]
    assert servicio["StateDirectory"][0].split()[0] == "sac"
    # Una carpeta que no existe (p. ej. instance/ con SQL Server) no puede impedir el arranque.
    for ruta in " ".join(servicio.get("ReadWritePaths", [])).split():
        assert ruta.startswith("-"), f"{unidad.name}: ReadWritePaths={ruta} sin '-'"


@pytest.mark.parametrize(
    ("timer", "calendario", "comando"),
    [
        ("sac-reporte", "*-*-01 06:00:00 America/Bogota", "reporte fidelizacion --enviar"),
        ("sac-auditoria", "*-*-* 03:15:00 America/Bogota", "auditoria depurar"),
        ("sac-respaldo", "*-*-* 02:30:00 America/Bogota", "respaldo"),
        ("sac-cupones-vencer", "*-*-* 00:10:00 America/Bogota", "cupones vencer"),
        ("sac-cupones-beneficios", "*-*-01 05:00:00 America/Bogota", "cupones beneficios"),
    ],
)
def test_los_timers_programan_reporte_retencion_y_respaldo(
    timer: str, calendario: str, comando: str
) -> None:
    temporizador = leer_unidad((DEPLOY / f"{timer}.timer").read_text(encoding="utf-8"))
    assert temporizador["Timer"]["OnCalendar"] == [calendario]
    assert temporizador["Timer"]["Persistent"] == ["true"]
    servicio = leer_unidad((DEPLOY / f"{timer}.service").read_text(encoding="utf-8"))["Service"]
    assert servicio["Type"] == ["oneshot"]
    assert servicio["ExecStart"][0].endswith(f"app.py {comando}")


def test_el_timer_de_correos_despacha_la_bandeja_cada_minuto() -> None:
    temporizador = leer_unidad((DEPLOY / "sac-correos.timer").read_text(encoding="utf-8"))
    assert temporizador["Timer"]["OnCalendar"] == ["*-*-* *:*:00"]
    servicio = leer_unidad((DEPLOY / "sac-correos.service").read_text(encoding="utf-8"))["Service"]
    assert servicio["ExecStart"][0].endswith("app.py correos enviar")
    assert servicio["UMask"] == ["0077"]
    ejemplo = leer_entorno((DEPLOY / "sac.env.ejemplo").read_text(encoding="utf-8"))
    # Sin SMTP, los .eml van a una carpeta que el servicio puede escribir (ProtectSystem=strict).
    assert ejemplo["CARPETA_CORREOS"].startswith("/var/lib/sac/")


def test_el_reporte_mensual_no_fija_el_nombre_y_deja_que_la_app_use_el_mes_anterior() -> None:
    servicio = leer_unidad((DEPLOY / "sac-reporte.service").read_text(encoding="utf-8"))
    orden = servicio["Service"]["ExecStart"][0]
    assert "--mes" not in orden and "--salida" not in orden and "date" not in orden
    assert servicio["Service"]["WorkingDirectory"] == ["/var/lib/sac/reportes"]


def test_ejecutar_una_unidad_aplica_entorno_umask_y_carpetas_como_systemd(tmp_path: Path) -> None:
    entorno = _escribir(tmp_path, 'MENSAJE="hola mundo"\nAPP_ENV="production"\n')
    unidad = tmp_path / "prueba.service"
    unidad.write_text(
        "[Service]\n"
        "Type=oneshot\n"
        f"EnvironmentFile={entorno}\n"
        "EnvironmentFile=-/no/existe.env\n"
        "Environment=APP_ENV=development OTRA=1\n"
        "StateDirectory=sac sac/reportes\n"
        "StateDirectoryMode=0700\n"
        f"WorkingDirectory={tmp_path}/estado/sac/reportes\n"
        "UMask=0077\n"
        "ExecStart=/bin/sh -c 'env > entorno.txt'\n"
        "ExecStartPost=-/bin/false\n"
        "ExecStartPost=/bin/sh -c 'echo despues > despues.txt'\n",
        encoding="utf-8",
    )
    assert ejecutar(unidad, tmp_path / "estado", None) == 0
    salida = tmp_path / "estado" / "sac" / "reportes" / "entorno.txt"
    variables = dict(linea.split("=", 1) for linea in salida.read_text().splitlines())
    assert variables["MENSAJE"] == "hola mundo"
    assert variables["APP_ENV"] == "production"  # EnvironmentFile= gana sobre Environment=
    assert variables["OTRA"] == "1"
    assert stat.S_IMODE(salida.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "estado" / "sac").stat().st_mode) == 0o700
    assert (salida.parent / "despues.txt").read_text() == "despues\n"


def test_ejecutar_para_en_la_primera_orden_que_falla(tmp_path: Path) -> None:
    unidad = tmp_path / "prueba.service"
    unidad.write_text(
        "[Service]\nType=oneshot\n"
        f"WorkingDirectory={tmp_path}\n"
        "ExecStart=/bin/sh -c 'exit 3'\n"
        "ExecStartPost=/bin/sh -c 'echo no > no.txt'\n",
        encoding="utf-8",
    )
    assert ejecutar(unidad, tmp_path / "estado", None) == 3
    assert not (tmp_path / "no.txt").exists()


def test_cada_bloque_de_comandos_de_la_guia_se_prueba_o_dice_por_que_no() -> None:
    bloques, errores = extraer_bloques(GUIA.read_text(encoding="utf-8"))
    assert errores == []
    assert list(bloques)[:3] == ["paquetes", "usuario", "instalar"]
    script = (DEPLOY / "prueba-despliegue.sh").read_text(encoding="utf-8")
    lista = re.search(r"^BLOQUES=\((.*?)\)", script, re.M | re.S)
    assert lista is not None
    assert lista.group(1).split() == list(bloques)


def test_la_guia_no_usa_node_git_ni_create_home_en_el_servidor() -> None:
    bloques, _ = extraer_bloques(GUIA.read_text(encoding="utf-8"))
    comandos = "\n".join(bloques.values())
    for prohibido in ("npm ", "node ", "git clone", "--create-home", "make frontend-build"):
        assert prohibido not in comandos
    assert "--no-create-home" in bloques["usuario"]


def test_extraer_bloques_rechaza_un_bloque_sin_marca_o_fuera_sin_razon() -> None:
    texto = "```bash\nls\n```\n\n<!-- prueba: fuera -->\n```bash\npwd\n```\n"
    bloques, errores = extraer_bloques(texto)
    assert bloques == {}
    assert len(errores) == 2


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="sin systemd-analyze")
def test_los_calendarios_de_los_timers_son_validos_para_systemd() -> None:
    for timer in DEPLOY.glob("*.timer"):
        calendario = leer_unidad(timer.read_text(encoding="utf-8"))["Timer"]["OnCalendar"][0]
        resultado = subprocess.run(
            ["systemd-analyze", "calendar", calendario],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "SYSTEMD_COLORS": "0"},
        )
        assert resultado.returncode == 0, resultado.stderr
        assert "Next elapse" in resultado.stdout
