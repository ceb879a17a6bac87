"""`flask --app app usuarios crear ...`: alta de usuarios desde la terminal o un script."""

from __future__ import annotations

import sys

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from comandos.comunes import errores_de_dominio
from controllers import usuario_controller
from services.permisos_service import ROLES_ASIGNABLES

usuarios = AppGroup("usuarios", help="Gestiona los usuarios del SAC.")


@usuarios.command("crear")
@click.option("--usuario", required=True, help="Nombre de inicio de sesión (minúsculas).")
@click.option("--nombre", required=True, help="Nombre para mostrar.")
@click.option(
    "--rol",
    required=True,
    type=click.Choice(ROLES_ASIGNABLES),
    help="Rol del usuario (sus permisos: ver la tabla del README).",
)
@click.option("--zona", help="Zona de trabajo (obligatoria para el rol vendedor).")
@click.option("--correo", help="Correo del usuario (opcional).")
@click.option(
    "--contrasena-stdin",
    is_flag=True,
    help="Lee la contraseña de la entrada estándar (para scripts) en lugar de preguntarla.",
)
def crear(
    usuario: str,
    nombre: str,
    rol: str,
    zona: str | None,
    correo: str | None,
    contrasena_stdin: bool,
) -> None:
    """Crea un usuario; la contraseña se pregunta o se lee de la entrada estándar."""
    if contrasena_stdin:
        contrasena = sys.stdin.readline().rstrip("\r\n")
    else:
        contrasena = click.prompt(
            "Contraseña", hide_input=True, confirmation_prompt="Repita la contraseña"
        )
    with errores_de_dominio():
        creado = usuario_controller.crear(
            current_app.extensions["sac_db"], usuario, nombre, rol, contrasena, zona, correo
        )
    click.echo(f"Usuario {creado.usuario} creado con rol {creado.rol}.")


def registrar(app: Flask) -> None:
    app.cli.add_command(usuarios)
