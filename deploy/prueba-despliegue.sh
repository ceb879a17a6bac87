#!/usr/bin/env bash
# make prueba-despliegue: ejecuta los comandos de docs/guia-implementacion.md en esta máquina (como
# root, Debian 12 o Ubuntu 24.04) bajo una carpeta temporal y con un usuario de sistema desechable,
# y comprueba a través de nginx que el servicio responde. Uso: deploy/prueba-despliegue.sh ARTEFACTO
#
# Los bloques de la guía marcados `<!-- prueba: NOMBRE -->` se corren tal cual con dos cambios
# mecánicos (rutas del sistema → carpeta temporal, usuario sac → usuario desechable). Sin systemd
# como PID 1, `systemctl` lo reemplaza herramientas/systemd_local.py; las unidades se validan con el
# `systemd-analyze verify` real. Al terminar (bien o mal) borra el usuario, las carpetas y los procesos.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
GUIA="$REPO/docs/guia-implementacion.md"
AYUDANTE="$REPO/herramientas/systemd_local.py"
ARTEFACTO=${1:?"uso: $0 dist/sac-VERSION.tar.gz"}
PUERTO_APP=${PRUEBA_PUERTO_APP:-5250}
PUERTO_HTTP=${PRUEBA_PUERTO_HTTP:-8080}
PUERTO_HTTPS=${PRUEBA_PUERTO_HTTPS:-8081}
DOMINIO=sac.suempresa.co
CLAVE_ADMIN="Prueba-Despliegue-$RANDOM-$RANDOM"
# Los bloques que se corren, en orden. Si la guía agrega, quita o renombra uno, la prueba falla.
BLOQUES=(paquetes usuario instalar entorno migrar admin importar servicio nginx certificado
  nginx-activar timers timers-probar actualizar)
inicio=$(date +%s)

MENSAJE_FALLA=""
falla() {
  MENSAJE_FALLA="prueba-despliegue: FALLA: $*"
  exit 1
}
paso() { echo "== prueba-despliegue: $* ($(($(date +%s) - inicio)) s)"; }

[ "$(id -u)" = 0 ] || falla "debe correr como root (crea un usuario de sistema y usa apt-get)"
[ -f "$ARTEFACTO" ] || falla "no existe el artefacto $ARTEFACTO (make release)"
[ -f "$ARTEFACTO.sha256" ] || falla "falta $ARTEFACTO.sha256 (make release)"
ARTEFACTO=$(readlink -f "$ARTEFACTO")
VERSION_ARTEFACTO=$(basename "$ARTEFACTO" .tar.gz)
VERSION_ARTEFACTO=${VERSION_ARTEFACTO#sac-}
for puerto in "$PUERTO_APP" "$PUERTO_HTTP" "$PUERTO_HTTPS"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$puerto") 2>/dev/null; then
    falla "el puerto $puerto ya está en uso (PRUEBA_PUERTO_APP / _HTTP / _HTTPS)"
  fi
done

P=$(mktemp -d /tmp/sac-prueba.XXXXXX)
chmod 0755 "$P"
U="sacp$$"
export P U PUERTO_APP PUERTO_HTTP PUERTO_HTTPS DOMINIO AYUDANTE

limpiar() {
  local estado=$?
  set +e
  for archivo in "$P"/run/*.pid; do
    [ -f "$archivo" ] || continue
    pid=$(cat "$archivo")
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
  done
  sleep 1
  for archivo in "$P"/run/*.pid; do
    [ -f "$archivo" ] && kill -KILL -- "-$(cat "$archivo")" 2>/dev/null
  done
  if id "$U" >/dev/null 2>&1; then
    for _ in $(seq 20); do
      pkill -KILL -u "$U" 2>/dev/null
      userdel "$U" 2>/dev/null && break
      sleep 0.5
    done
    getent group "$U" >/dev/null && groupdel "$U" 2>/dev/null
  fi
  if [ "$estado" != 0 ] && [ -d "$P/log" ]; then
    for registro in "$P"/log/*.log; do
      [ -s "$registro" ] && [[ "$registro" != */bloque-* ]] || continue
      echo "--- últimas líneas de $(basename "$registro") ---" >&2
      tail -n 25 "$registro" >&2
    done
  fi
  rm -rf "$P"
  [ -z "$MENSAJE_FALLA" ] || echo "$MENSAJE_FALLA" >&2
  id "$U" >/dev/null 2>&1 && echo "prueba-despliegue: no se pudo borrar el usuario $U" >&2
  exit "$estado"
}
trap limpiar EXIT
trap 'exit 130' INT TERM

mkdir -p "$P/tmp" "$P/trabajo" "$P/run" "$P/log" "$P/bloques" "$P/etc/systemd/system" "$P/var/lib"

# ---------------------------------------------------------------------------------------------
# Rutas y usuario: lo único que cambia entre la guía y la prueba (idempotente: nunca cambia una
# ruta ya cambiada, porque antes de /opt/sac en "$P/opt/sac" hay una letra, no un separador).
adaptar() {
  local s='\(^\|[^A-Za-z0-9._/-]\)'
  sed -i \
    -e "s#${s}/opt/sac#\\1$P/opt/sac#g" \
    -e "s#${s}/etc/sac#\\1$P/etc/sac#g" \
    -e "s#${s}/var/lib/sac#\\1$P/var/lib/sac#g" \
    -e "s#${s}/etc/nginx#\\1$P/etc/nginx#g" \
    -e "s#${s}/etc/systemd/system#\\1$P/etc/systemd/system#g" \
    -e "s#${s}/etc/ssl/sac#\\1$P/etc/ssl/sac#g" \
    -e "s#${s}/var/log/nginx#\\1$P/var/log/nginx#g" \
    -e "s#^cd /tmp\$#cd $P/tmp#" \
    -e "s#127\.0\.0\.1:8000#127.0.0.1:$PUERTO_APP#g" \
    -e "s#listen 80;#listen 127.0.0.1:$PUERTO_HTTP;#" \
    -e "s#listen 443 ssl#listen 127.0.0.1:$PUERTO_HTTPS ssl#" \
    -e '/listen \[::\]:/d' \
    -e "s#$DOMINIO:443:#$DOMINIO:$PUERTO_HTTPS:#g" \
    -e "s#https://$DOMINIO/#https://$DOMINIO:$PUERTO_HTTPS/#g" \
    -e "s#\\(-[ugo] \\)sac\\( \\|\$\\)#\\1$U\\2#g" \
    -e "s#\\bsac:sac\\b#$U:$U#g" \
    -e "s#\\broot:sac\\b#root:$U#g" \
    -e "s#^\\(User\\|Group\\)=sac\$#\\1=$U#" \
    -e "s#nologin sac\$#nologin $U#" \
    "$@"
}
export -f adaptar

# ---------------------------------------------------------------------------------------------
# Bloques de la guía.
paso "extrayendo los bloques de comandos de docs/guia-implementacion.md"
python3 "$REPO/herramientas/prueba_guia.py" "$GUIA" "$P/bloques" >/dev/null \
  || falla "hay bloques de comandos de la guía sin marcar (arriba cuáles)"
encontrados=$(cd "$P/bloques" && ls -- *.sh | sed 's/\.sh$//' | sort | tr '\n' ' ')
esperados=$(printf '%s\n' "${BLOQUES[@]}" | sort | tr '\n' ' ')
[ "$encontrados" = "$esperados" ] \
  || falla "la guía marca los bloques [$encontrados] y la prueba corre [$esperados]: actualice BLOQUES"
adaptar "$P"/bloques/*.sh
restos=$(grep -nE "(^|[ =:'\"])sac($|[ ;'\"])" "$P"/bloques/*.sh || true)
[ -z "$restos" ] || falla "quedó el usuario sac sin adaptar en los bloques:"$'\n'"$restos"

# ---------------------------------------------------------------------------------------------
# Lo que la guía da por hecho en un servidor con systemd: sudo, systemctl, journalctl, nginx.
sudo() {
  local usuario="" variables=()
  if [ "${1:-}" = "-u" ]; then usuario=$2; shift 2; fi
  while [[ "${1:-}" == *=* ]]; do variables+=("$1"); shift; done
  if [ -z "$usuario" ] && [ "$(type -t "$1")" = function ]; then
    "$@"
    return
  fi
  local base=(env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8
    TERM=dumb)
  if [ -n "$usuario" ]; then
    local casa
    casa=$(getent passwd "$usuario" | cut -d: -f6)
    "${base[@]}" HOME="$casa" USER="$usuario" LOGNAME="$usuario" "${variables[@]}" \
      setpriv --reuid="$usuario" --regid="$usuario" --init-groups -- "$@"
  else
    "${base[@]}" HOME=/root USER=root LOGNAME=root "${variables[@]}" "$@"
  fi
}
apt-get() { command apt-get -o DPkg::Lock::Timeout=300 -qq "$@"; }
node() { echo "la guía usa node en el servidor" >&2; return 97; }
npm() { node; }
npx() { node; }
git() { echo "la guía usa git en el servidor" >&2; return 97; }
nginx() { command nginx -e "$P/var/log/nginx/error.log" -c "$P/etc/nginx/nginx.conf" "$@"; }
tar() {
  # Al desempaquetar la versión, sus archivos de deploy/ se adaptan como los bloques.
  command tar "$@"
  local carpeta="" anterior=""
  for argumento in "$@"; do
    [ "$anterior" = "-C" ] && carpeta=$argumento
    anterior=$argumento
  done
  if [ -n "$carpeta" ]; then
    find "$carpeta" -path '*/deploy/*' -type f ! -name '*.md' -exec bash -c 'adaptar "$@"' _ {} +
  fi
}
systemd-analyze() {
  if ! command -v systemd-analyze >/dev/null; then
    echo "aviso: esta máquina no tiene systemd-analyze; las unidades no se verifican" >&2
    return 0
  fi
  if [ "${1:-}" = verify ]; then
    # Como dice la guía: verify no debe imprimir nada (ni avisos).
    local salida
    salida=$(command systemd-analyze "$@" 2>&1) && [ -z "$salida" ] \
      || { echo "systemd-analyze $*: $salida" >&2; return 1; }
  else
    command systemd-analyze "$@"
  fi
}
unidad_activa() {
  local pid
  [ -f "$P/run/$1.pid" ] && pid=$(cat "$P/run/$1.pid") && kill -0 "$pid" 2>/dev/null
}
iniciar_unidad() {
  local unidad=$1
  case "$unidad" in
    nginx | nginx.service)
      if unidad_activa nginx; then nginx -s reload; else nginx; fi
      ;;
    *.timer)
      grep -q '^OnCalendar=' "$P/etc/systemd/system/$unidad" || return 1
      echo "$unidad activo"
      ;;
    *)
      [ -f "$P/etc/systemd/system/$unidad" ] || { echo "no existe la unidad $unidad" >&2; return 1; }
      python3 "$AYUDANTE" ejecutar "$P/etc/systemd/system/$unidad" --estado "$P/var/lib" \
        --pid "$P/run/$unidad.pid" >>"$P/log/$unidad.log" 2>&1 \
        || { echo "la unidad $unidad terminó con error (log/$unidad.log)" >&2; return 1; }
      ;;
  esac
}
detener_unidad() {
  if unidad_activa "$1"; then
    local pid
    pid=$(cat "$P/run/$1.pid")
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  fi
  rm -f "$P/run/$1.pid"
}
systemctl() {
  local accion=$1 unidades=() ahora=0
  shift
  for argumento in "$@"; do
    case "$argumento" in
      --now) ahora=1 ;;
      --*) ;;
      *) unidades+=("$argumento") ;;
    esac
  done
  case "$accion" in
    daemon-reload)
      for unidad in "$P"/etc/systemd/system/*; do
        [ -e "$unidad" ] || continue
        systemd-analyze verify "$unidad" || return 1
      done
      ;;
    enable)
      for unidad in "${unidades[@]}"; do
        systemd-analyze verify "$P/etc/systemd/system/$unidad" || return 1
        [ "$ahora" = 0 ] || iniciar_unidad "$unidad" || return 1
      done
      ;;
    start) for unidad in "${unidades[@]}"; do iniciar_unidad "$unidad" || return 1; done ;;
    stop) for unidad in "${unidades[@]}"; do detener_unidad "$unidad"; done ;;
    restart | reload)
      for unidad in "${unidades[@]}"; do
        case "$unidad" in
          nginx | nginx.service) iniciar_unidad nginx || return 1 ;;
          *) detener_unidad "$unidad" && iniciar_unidad "$unidad" || return 1 ;;
        esac
      done
      ;;
    status)
      for unidad in "${unidades[@]}"; do
        unidad_activa "$unidad" || { echo "$unidad: inactive (dead)"; return 3; }
        echo "$unidad: active (running), PID $(cat "$P/run/$unidad.pid")"
      done
      ;;
    list-timers)
      for unidad in "$P"/etc/systemd/system/sac-*.timer; do
        calendario=$(sed -n 's/^OnCalendar=//p' "$unidad")
        echo "$(basename "$unidad"): $calendario"
        systemd-analyze calendar "$calendario" | grep -E 'Next elapse' || return 1
      done
      ;;
    *) echo "systemctl $accion: no lo emula la prueba" >&2; return 1 ;;
  esac
}
journalctl() {
  local anterior="" argumento
  for argumento in "$@"; do
    [ "$anterior" = "-u" ] && tail -n 20 "$P/log/$argumento.log"
    anterior=$argumento
  done
  return 0
}
export -f sudo apt-get node npm npx git nginx tar systemd-analyze unidad_activa iniciar_unidad detener_unidad \
  systemctl journalctl

correr_bloque() {
  local nombre=$1 entrada=${2:-/dev/null}
  paso "bloque «$nombre» de la guía"
  (cd "$P/trabajo" && setsid -w bash -c 'set -euo pipefail; set -v; . "$1"' \
    _ "$P/bloques/$nombre.sh" <"$entrada") >"$P/log/bloque-$nombre.log" 2>&1 \
    || { grep -v "^WARNING: Location 'file:" "$P/log/bloque-$nombre.log" | tail -n 40 >&2; falla "el bloque «$nombre» de la guía falló (arriba su salida)"; }
}

# El artefacto queda en la /tmp de la guía, con su suma; los bloques instalar/actualizar usan su VERSION.
cp "$ARTEFACTO" "$ARTEFACTO.sha256" "$P/tmp/"
sed -i "s/^VERSION=.*/VERSION=$VERSION_ARTEFACTO/" "$P/bloques/instalar.sh" "$P/bloques/actualizar.sh"

# ---------------------------------------------------------------------------------------------
correr_bloque paquetes
# El nginx de Debian recién instalado, copiado a la carpeta temporal: su nginx.conf con su http {}.
cp -a /etc/nginx "$P/etc/nginx"
mkdir -p "$P/var/log/nginx"
sed -i -e "s#/etc/nginx#$P/etc/nginx#g" -e "s#/var/log/nginx#$P/var/log/nginx#g" \
  -e "s#^pid .*#pid $P/run/nginx.pid;#" "$P/etc/nginx/nginx.conf"
grep -q "include $P/etc/nginx/sites-enabled/\*;" "$P/etc/nginx/nginx.conf" \
  || falla "el nginx.conf de la distribución no incluye sites-enabled dentro de http {}"

correr_bloque usuario
[[ "$(getent passwd "$U")" == *":$P/var/lib/sac:/usr/sbin/nologin" ]] || falla "el usuario $U no quedó como dice la guía"
[ -z "$(ls -A "$P/var/lib/sac")" ] || falla "useradd llenó la carpeta del usuario"

correr_bloque instalar
[ -L "$P/opt/sac/actual" ] || falla "/opt/sac/actual no es un enlace a la versión"
[ ! -e "$P/opt/sac/actual/node_modules" ] && [ ! -e "$P/opt/sac/actual/frontend/node_modules" ] \
  || falla "el artefacto trae node_modules"

correr_bloque entorno
grep -q 'CAMBIAR' <(grep -v '^#' "$P/etc/sac/sac.env") && falla "quedaron valores CAMBIAR en sac.env"
[ "$(stat -c '%a %U %G' "$P/etc/sac/sac.env")" = "640 root $U" ] || falla "sac.env no quedó 0640 root:$U"
python3 "$AYUDANTE" comparar "$P/etc/sac/sac.env" || falla "bash y systemd leen distinto /etc/sac/sac.env"
# La variante de SQL Server del mismo archivo (opción B: valores con espacios) también se lee igual.
sed -e 's/^DB_CLIENT=.*/DB_CLIENT="sqlserver"/' -e 's/^#SQLSERVER_/SQLSERVER_/' \
  "$P/etc/sac/sac.env" >"$P/tmp/sac-sqlserver.env"
python3 "$AYUDANTE" comparar "$P/tmp/sac-sqlserver.env" \
  || falla "bash y systemd leen distinto la opción SQL Server de sac.env"
leido=$(python3 "$AYUDANTE" entorno "$P/tmp/sac-sqlserver.env")
grep -q '"SQLSERVER_DRIVER": "ODBC Driver 18 for SQL Server"' <<<"$leido" \
  || falla "systemd no lee SQLSERVER_DRIVER completo"

correr_bloque migrar
[ "$(stat -c '%a %U' "$P/var/lib/sac/sac.db")" = "600 $U" ] || falla "la base no quedó 0600 del usuario del servicio"

printf '%s\n%s\n' "$CLAVE_ADMIN" "$CLAVE_ADMIN" >"$P/trabajo/clave"
correr_bloque admin "$P/trabajo/clave"
rm -f "$P/trabajo/clave"

# Datos: un cliente que compró más de 5.000.000 el mes anterior (Bogotá), para el reporte.
MES_ANTERIOR=$(python3 -c 'from datetime import datetime; from zoneinfo import ZoneInfo
hoy = datetime.now(ZoneInfo("America/Bogota"))
print(f"{hoy.year - (hoy.month == 1)}-{(hoy.month - 2) % 12 + 1:02d}")')
printf 'tipo_documento,numero_documento,nombre,apellido,correo,telefono\nCC,1020304050,María José,Peña Muñoz,maria@example.com,3001234567\n' \
  >"$P/trabajo/clientes.csv"
printf 'tipo_documento,numero_documento,numero_factura,fecha,total,estado\nCC,1020304050,F-1,%s-15T10:00:00,6250000.00,pagada\n' \
  "$MES_ANTERIOR" >"$P/trabajo/compras.csv"
correr_bloque importar
[ ! -e "$P/var/lib/sac/clientes.csv" ] || falla "la guía deja los CSV con datos personales"

correr_bloque servicio
[ "$(ps -o user= -p "$(cat "$P/run/sac.service.pid")" | tr -d ' ')" = "$U" ] \
  || falla "gunicorn no corre como el usuario del servicio"

correr_bloque nginx
correr_bloque certificado
correr_bloque nginx-activar
grep -q 'test is successful' "$P/log/bloque-nginx-activar.log" || falla "nginx -t no dijo test is successful"

correr_bloque timers
# Un respaldo de hace 40 días: el servicio de respaldo debe borrarlo (conserva 30).
install -d -m 0700 -o "$U" -g "$U" "$P/var/lib/sac/respaldos"
install -m 0600 -o "$U" -g "$U" /dev/null "$P/var/lib/sac/respaldos/sac_2000-01-01_000000.db"
touch -d '40 days ago' "$P/var/lib/sac/respaldos/sac_2000-01-01_000000.db"
correr_bloque timers-probar
[ ! -e "$P/var/lib/sac/respaldos/sac_2000-01-01_000000.db" ] || falla "el respaldo no borró las copias de más de 30 días"
reporte="$P/var/lib/sac/reportes/fidelizacion_$MES_ANTERIOR.xlsx"
[ -s "$reporte" ] || falla "no se escribió el reporte del mes anterior ($(basename "$reporte")): $(ls "$P/var/lib/sac/reportes")"
[ "$(stat -c '%a %U' "$reporte")" = "600 $U" ] || falla "el reporte no quedó 0600 del usuario del servicio"
grep -q '1 cliente(s) califican' "$P/log/sac-reporte.service.log" || falla "el reporte no trae al cliente que califica"
grep -q 'encolado para' "$P/log/sac-reporte.service.log" || falla "el reporte mensual no se encoló por correo (--enviar)"
grep -q 'Auditoría depurada' "$P/log/sac-auditoria.service.log" || falla "la depuración de la auditoría no corrió"
grep -q 'Vencimientos al' "$P/log/sac-cupones-vencer.service.log" || falla "los vencimientos de cuponeras no corrieron"
grep -q 'cliente_fiel: 1 otorgados' "$P/log/sac-cupones-beneficios.service.log" || falla "los beneficios no premiaron al cliente del reporte"
respaldo=$(ls "$P"/var/lib/sac/respaldos/sac_*.db 2>/dev/null | head -n 1)
[ -n "$respaldo" ] || falla "no se escribió el respaldo"
[ "$(stat -c '%a %U' "$respaldo")" = "600 $U" ] || falla "el respaldo no quedó 0600 del usuario del servicio"
for carpeta in "$P/var/lib/sac" "$P/var/lib/sac/reportes" "$P/var/lib/sac/respaldos"; do
  [ "$(stat -c '%a %U' "$carpeta")" = "700 $U" ] || falla "$carpeta no quedó 0700 del usuario del servicio"
done

correr_bloque actualizar

# ---------------------------------------------------------------------------------------------
paso "comprobaciones a través de nginx"
https="https://$DOMINIO:$PUERTO_HTTPS"
resolver=(--resolve "$DOMINIO:$PUERTO_HTTPS:127.0.0.1" --resolve "$DOMINIO:$PUERTO_HTTP:127.0.0.1")
pedir() { curl -sS -k "${resolver[@]}" -o "$P/tmp/respuesta" -w '%{http_code}' "$@"; }

[ "$(pedir "$https/api/salud")" = 200 ] && grep -q '"estado": *"ok"' "$P/tmp/respuesta" \
  || falla "/api/salud a través de nginx no respondió 200 ok: $(head -c 300 "$P/tmp/respuesta")"
[ "$(pedir "$https/")" = 200 ] && grep -q '<div id="root">' "$P/tmp/respuesta" \
  || falla "nginx no sirve las pantallas (frontend/dist) en /"
[ "$(pedir "http://$DOMINIO:$PUERTO_HTTP/api/salud")" = 301 ] || falla "HTTP no redirige a HTTPS"

head -c $((2 * 1024 * 1024)) /dev/zero | tr '\0' 'a' >"$P/tmp/2mb.json"
estado=$(pedir -H 'Content-Type: application/json' --data-binary @"$P/tmp/2mb.json" "$https/api/auth/login")
[ "$estado" = 413 ] && grep -q '<center>nginx' "$P/tmp/respuesta" \
  || falla "2 MB a una ruta JSON: se esperaba el 413 de nginx y llegó $estado: $(head -c 300 "$P/tmp/respuesta")"

estado=$(pedir -H 'Content-Type: application/json' \
  --data "{\"usuario\": \"admin\", \"contrasena\": \"$CLAVE_ADMIN\"}" "$https/api/auth/login")
[ "$estado" = 200 ] || falla "el administrador de la guía no pudo iniciar sesión ($estado)"
token=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["access_token"])' "$P/tmp/respuesta")
truncate -s 20M "$P/tmp/20mb.txt"
estado=$(pedir -H "Authorization: Bearer $token" -F "clientes=@$P/tmp/20mb.txt" "$https/api/importaciones")
[ "$estado" = 422 ] && grep -q '"code"' "$P/tmp/respuesta" \
  || falla "20 MB a /api/importaciones: nginx debía pasarlos a la app (422 por la extensión) y llegó $estado: $(head -c 300 "$P/tmp/respuesta")"
truncate -s 51M "$P/tmp/51mb.txt"
estado=$(pedir -H "Authorization: Bearer $token" -F "clientes=@$P/tmp/51mb.txt" "$https/api/importaciones")
[ "$estado" = 413 ] && grep -q '<center>nginx' "$P/tmp/respuesta" \
  || falla "51 MB a /api/importaciones: se esperaba el 413 de nginx y llegó $estado"
grep -q '"POST /api/importaciones"' "$P/var/log/nginx/sac_access.log" \
  && ! grep -q '?' <(cut -d'"' -f2 "$P/var/log/nginx/sac_access.log") \
  || falla "el registro de nginx no usa el formato sac_sin_consulta"

paso "todo bien: la guía funciona tal cual"
