"""Lee archivos de entorno y unidades con las reglas de systemd, y arranca una unidad sin systemd.

Lo usa `deploy/prueba-despliegue.sh` en máquinas sin systemd como PID 1 (contenedores, CI):

- `entorno ARCHIVO`: imprime las variables como las leería `EnvironmentFile=` (JSON).
- `comparar ARCHIVO`: falla si bash (`set -a; . ARCHIVO`) y systemd leen valores distintos.
- `ejecutar UNIDAD --estado DIR`: arranca `ExecStart=` (y `ExecStartPost=` si es `Type=oneshot`)
  como lo haría systemd con `User=`, `Group=`,
  `Environment=`, `EnvironmentFile=`, `StateDirectory=`, `WorkingDirectory=` y `UMask=` (las opciones
  de aislamiento como `ProtectSystem=` no se emulan: las comprueba `systemd-analyze verify`).

Las reglas del archivo de entorno son las de systemd 252 (Debian 12), `src/basic/env-file.c`, y
las documentadas en systemd.exec(5): comentarios solo en líneas que empiezan por `#` o `;`; un valor
sin comillas llega hasta el final de la línea (un `# comentario` al final es parte del valor);
comillas simples literales; comillas dobles con los escapes de la shell.
"""

from __future__ import annotations

import argparse
import grp
import json
import os
import pwd
import re
import shlex
import subprocess
import sys
from pathlib import Path

ESPACIOS = " \t\n\r"
SALTOS = "\n\r"
COMENTARIOS = "#;"
ESCAPES_DOBLES = '"\\`$'
NOMBRE_VALIDO = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
PATH_SYSTEMD = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
VARIABLES_DE_BASH = {"PWD", "SHLVL", "_", "OLDPWD"}


class ErrorUnidad(RuntimeError):
    """La unidad o el archivo de entorno no se pueden usar."""


def leer_entorno(texto: str) -> dict[str, str]:
    """Las asignaciones de un archivo de `EnvironmentFile=` (máquina de estados de env-file.c)."""
    variables: dict[str, str] = {}
    estado = "antes_clave"
    clave: list[str] = []
    valor: list[str] = []
    espacio_clave: int | None = None
    espacio_valor: int | None = None

    def guardar() -> None:
        nombre = "".join(clave[:espacio_clave] if espacio_clave is not None else clave)
        texto_valor = "".join(valor[:espacio_valor] if espacio_valor is not None else valor)
        if NOMBRE_VALIDO.match(nombre):
            variables[nombre] = texto_valor

    for c in texto:
        if estado == "antes_clave":
            if c in COMENTARIOS:
                estado = "comentario"
            elif c not in ESPACIOS:
                estado, clave, valor, espacio_clave = "clave", [c], [], None
        elif estado == "clave":
            if c in SALTOS:
                estado = "antes_clave"
            elif c == "=":
                estado, espacio_valor = "antes_valor", None
            else:
                if c not in ESPACIOS:
                    espacio_clave = None
                elif espacio_clave is None:
                    espacio_clave = len(clave)
                clave.append(c)
        elif estado == "antes_valor":
            if c in SALTOS:
                guardar()
                estado = "antes_clave"
            elif c == "'":
                estado = "comilla_simple"
            elif c == '"':
                estado = "comilla_doble"
            elif c == "\\":
                estado = "escape"
            elif c not in ESPACIOS:
                estado = "valor"
                valor.append(c)
        elif estado == "valor":
            if c in SALTOS:
                guardar()
                estado = "antes_clave"
            elif c == "\\":
                estado, espacio_valor = "escape", None
            else:
                if c not in ESPACIOS:
                    espacio_valor = None
                elif espacio_valor is None:
                    espacio_valor = len(valor)
                valor.append(c)
        elif estado == "escape":
            estado = "valor"
            if c not in SALTOS:
                valor.append(c)
        elif estado == "comilla_simple":
            if c == "'":
                estado = "antes_valor"
            else:
                valor.append(c)
        elif estado == "comilla_doble":
            if c == '"':
                estado = "antes_valor"
            elif c == "\\":
                estado = "escape_doble"
            else:
                valor.append(c)
        elif estado == "escape_doble":
            estado = "comilla_doble"
            if c in ESCAPES_DOBLES:
                valor.append(c)
            elif c != "\n":
                valor.extend(("\\", c))
        elif estado == "comentario":
            if c == "\\":
                estado = "escape_comentario"
            elif c in SALTOS:
                estado = "antes_clave"
        elif estado == "escape_comentario":
            # systemd 252: una barra al final de un comentario lo continúa en la línea siguiente.
            estado = "comentario"
    if estado not in ("antes_clave", "clave", "comentario", "escape_comentario"):
        guardar()
    return variables


def leer_con_bash(archivo: Path) -> dict[str, str]:
    """Las variables que deja `set -a; . ARCHIVO` en un bash sin entorno previo."""
    base = _bash_env("true")
    resultado = subprocess.run(  # noqa: S603 - bash fijo; el archivo es un argumento, no código
        ["/bin/bash", "-c", 'set -a; . "$1" || exit 97; exec env -0', "bash", str(archivo)],
        env={"PATH": PATH_SYSTEMD},
        capture_output=True,
        check=False,
    )
    error = resultado.stderr.decode(errors="replace").strip()
    if resultado.returncode != 0 or error:
        raise ErrorUnidad(f"bash no lee {archivo} sin errores: {error}")
    return {
        k: v
        for k, v in _dividir_env(resultado.stdout).items()
        if k not in VARIABLES_DE_BASH and base.get(k) != v
    }


def _bash_env(orden: str) -> dict[str, str]:
    salida = subprocess.run(  # noqa: S603 - orden fija de este módulo
        ["/bin/bash", "-c", f"{orden}; exec env -0"],
        env={"PATH": PATH_SYSTEMD},
        capture_output=True,
        check=True,
    ).stdout
    return _dividir_env(salida)


def _dividir_env(salida: bytes) -> dict[str, str]:
    pares = (linea.decode().split("=", 1) for linea in salida.split(b"\0") if b"=" in linea)
    return dict(pares)


def diferencias_bash_systemd(archivo: Path) -> list[str]:
    """Las variables que bash y systemd leen distinto (vacía si el archivo es portable)."""
    texto = archivo.read_text(encoding="utf-8")
    problemas = [
        f"línea {n}: un comentario que termina en \\ continúa en la línea siguiente"
        for n, linea in enumerate(texto.splitlines(), 1)
        if linea.lstrip().startswith(tuple(COMENTARIOS)) and linea.rstrip().endswith("\\")
    ]
    por_systemd = leer_entorno(texto)
    por_bash = leer_con_bash(archivo)
    for nombre in sorted(set(por_systemd) | set(por_bash)):
        a, b = por_systemd.get(nombre), por_bash.get(nombre)
        if a != b:
            problemas.append(f"{nombre}: systemd lee {a!r} y bash lee {b!r}")
    return problemas


def leer_unidad(texto: str) -> dict[str, dict[str, list[str]]]:
    """Secciones y asignaciones de una unidad (las claves repetidas se acumulan; vacía = reinicia)."""
    secciones: dict[str, dict[str, list[str]]] = {}
    actual: dict[str, list[str]] | None = None
    pendiente = ""
    for cruda in texto.splitlines():
        linea = pendiente + cruda.strip() if pendiente else cruda.strip()
        if not pendiente and (not linea or linea[0] in COMENTARIOS):
            continue
        if linea.endswith("\\"):
            pendiente = linea[:-1] + " "
            continue
        pendiente = ""
        if linea.startswith("[") and linea.endswith("]"):
            actual = secciones.setdefault(linea[1:-1], {})
            continue
        if actual is None or "=" not in linea:
            raise ErrorUnidad(f"línea no válida en la unidad: {linea!r}")
        nombre, valor = (parte.strip() for parte in linea.split("=", 1))
        if valor:
            actual.setdefault(nombre, []).append(valor)
        else:
            actual[nombre] = []
    return secciones


def _ultimo(servicio: dict[str, list[str]], clave: str, por_defecto: str = "") -> str:
    valores = servicio.get(clave) or [por_defecto]
    return valores[-1]


def _sin_especificadores(valor: str) -> str:
    if re.search(r"%[^%]", valor.replace("%%", "")):
        raise ErrorUnidad(f"especificador % no soportado por la prueba: {valor!r}")
    return valor.replace("%%", "%")


def entorno_de_servicio(servicio: dict[str, list[str]], estado: Path) -> dict[str, str]:
    """El entorno que systemd daría al proceso: base, usuario, Environment= y EnvironmentFile=."""
    entorno = {"PATH": PATH_SYSTEMD, "LANG": "C.UTF-8"}
    usuario = _ultimo(servicio, "User")
    if usuario:
        cuenta = pwd.getpwnam(usuario)
        entorno |= {
            "USER": usuario,
            "LOGNAME": usuario,
            "HOME": cuenta.pw_dir,
            "SHELL": cuenta.pw_shell,
        }
    for linea in servicio.get("Environment", []):
        for asignacion in shlex.split(_sin_especificadores(linea)):
            nombre, _, valor = asignacion.partition("=")
            entorno[nombre] = valor
    # systemd.exec(5): lo leído de EnvironmentFile= gana sobre Environment=.
    for archivo in servicio.get("EnvironmentFile", []):
        opcional = archivo.startswith("-")
        ruta = Path(archivo.lstrip("-"))
        if not ruta.is_file():
            if opcional:
                continue
            raise ErrorUnidad(f"no existe EnvironmentFile={ruta}")
        entorno |= leer_entorno(ruta.read_text(encoding="utf-8"))
    directorios = _ultimo(servicio, "StateDirectory").split()
    if directorios:
        entorno["STATE_DIRECTORY"] = ":".join(str(estado / d) for d in directorios)
    return entorno


def preparar_directorios(servicio: dict[str, list[str]], estado: Path) -> None:
    """`StateDirectory=`: crea las carpetas con el dueño y el modo de la unidad."""
    usuario = _ultimo(servicio, "User")
    grupo = _ultimo(servicio, "Group") or usuario
    modo = int(_ultimo(servicio, "StateDirectoryMode", "0755"), 8)
    for nombre in _ultimo(servicio, "StateDirectory").split():
        carpeta = estado / nombre
        carpeta.mkdir(parents=True, exist_ok=True)
        carpeta.chmod(modo)
        if usuario:
            os.chown(carpeta, pwd.getpwnam(usuario).pw_uid, grp.getgrnam(grupo).gr_gid)


def ejecutar(unidad: Path, estado: Path, pid: Path | None) -> int:
    """Arranca la unidad; espera si es `Type=oneshot`, si no deja el proceso y escribe su PID."""
    secciones = leer_unidad(unidad.read_text(encoding="utf-8"))
    servicio = secciones.get("Service")
    if servicio is None:
        raise ErrorUnidad(f"{unidad} no tiene sección [Service]")
    preparar_directorios(servicio, estado)
    entorno = entorno_de_servicio(servicio, estado)
    tipo = _ultimo(servicio, "Type", "simple")
    claves = ("ExecStart", "ExecStartPost") if tipo == "oneshot" else ("ExecStart",)
    # Un "-" delante de la orden: systemd ignora que falle.
    ordenes = [
        (linea.startswith("-"), shlex.split(_sin_especificadores(linea.lstrip("-@+!:"))))
        for clave in claves
        for linea in servicio.get(clave, [])
    ]
    if not ordenes or (tipo != "oneshot" and len(ordenes) > 1):
        raise ErrorUnidad(f"{unidad}: se espera un ExecStart= (varios solo con Type=oneshot)")
    if any("$" in parte for _, orden in ordenes for parte in orden):
        raise ErrorUnidad("ExecStart con variables $ no soportado por la prueba")
    carpeta = _ultimo(servicio, "WorkingDirectory", "/").lstrip("-")
    if carpeta == "~":
        carpeta = entorno.get("HOME", "/")
    usuario = _ultimo(servicio, "User")
    grupo = _ultimo(servicio, "Group") or usuario
    mascara = int(_ultimo(servicio, "UMask", "0022"), 8)

    def como_el_servicio() -> None:
        os.umask(mascara)
        if usuario:
            cuenta = pwd.getpwnam(usuario)
            gid = grp.getgrnam(grupo).gr_gid
            os.setgroups([])
            os.initgroups(usuario, gid)
            os.setgid(gid)
            os.setuid(cuenta.pw_uid)
        os.chdir(carpeta)

    for ignorar_falla, orden in ordenes:
        proceso = subprocess.Popen(  # noqa: S603 - la orden viene de la unidad que se prueba
            orden,
            env=entorno,
            preexec_fn=como_el_servicio,  # lo que systemd hace antes de exec
            start_new_session=True,
            stdin=subprocess.DEVNULL,
        )
        if tipo != "oneshot":
            if pid is not None:
                pid.write_text(f"{proceso.pid}\n", encoding="utf-8")
            return 0
        codigo = proceso.wait()
        if codigo != 0 and not ignorar_falla:
            return codigo
    return 0


def principal(argumentos: list[str]) -> int:
    lector = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ordenes = lector.add_subparsers(dest="orden", required=True)
    ordenes.add_parser(
        "entorno", help="Imprime el entorno leído con las reglas de systemd"
    ).add_argument("archivo", type=Path)
    ordenes.add_parser("comparar", help="Falla si bash y systemd leen distinto").add_argument(
        "archivo", type=Path
    )
    ejecutar_lector = ordenes.add_parser("ejecutar", help="Arranca ExecStart= como systemd")
    ejecutar_lector.add_argument("unidad", type=Path)
    ejecutar_lector.add_argument("--estado", type=Path, default=Path("/var/lib"))
    ejecutar_lector.add_argument("--pid", type=Path, default=None)
    opciones = lector.parse_args(argumentos)
    try:
        if opciones.orden == "entorno":
            texto = opciones.archivo.read_text(encoding="utf-8")
            print(json.dumps(leer_entorno(texto), ensure_ascii=False, indent=2))
            return 0
        if opciones.orden == "comparar":
            problemas = diferencias_bash_systemd(opciones.archivo)
            for problema in problemas:
                print(f"{opciones.archivo}: {problema}", file=sys.stderr)
            return 1 if problemas else 0
        return ejecutar(opciones.unidad, opciones.estado, opciones.pid)
    except (ErrorUnidad, OSError, KeyError) as error:
        print(f"systemd_local: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(principal(sys.argv[1:]))
