#!/usr/bin/env bash
# make release: empaqueta la versión para producción en dist/sac-VERSION.tar.gz (+ .sha256).
# Lleva el código de la aplicación, requirements.txt, las migraciones, deploy/, docs/ y las pantallas
# ya construidas (frontend/dist): el servidor no necesita Node. No lleva node_modules, .venv,
# pruebas, benchmarks, fuentes del frontend ni bases de datos.
set -euo pipefail
cd "$(dirname "$0")/.."

falla() { echo "make release: $*" >&2; exit 1; }

[ -f frontend/dist/index.html ] || falla "falta frontend/dist/index.html (corra make frontend-build con Node 20)"
version=${VERSION:-$(git describe --always --dirty 2>/dev/null || date -u +%Y%m%d%H%M%S)}
nombre="sac-$version"
mkdir -p dist
trabajo=$(mktemp -d)
trap 'rm -rf "$trabajo"' EXIT

# Los archivos versionados (con los cambios sin confirmar de la copia de trabajo) que usa el servidor.
git ls-files -z -- app.py config.py errores.py gunicorn.conf.py requirements.txt pyproject.toml \
    README.md .env.example clients comandos controllers models routes services migrations deploy docs \
  | grep -zv -e '^deploy/prueba-despliegue\.sh$' -e '^deploy/release\.sh$' \
  | while IFS= read -r -d '' archivo; do
      [ -e "$archivo" ] || continue   # borrado en la copia de trabajo
      mkdir -p "$trabajo/$nombre/$(dirname "$archivo")"
      cp -p "$archivo" "$trabajo/$nombre/$archivo"
    done
mkdir -p "$trabajo/$nombre/frontend"
cp -R frontend/dist "$trabajo/$nombre/frontend/dist"
echo "$version" > "$trabajo/$nombre/VERSION"
find "$trabajo/$nombre" -name __pycache__ -prune -exec rm -rf {} +

tar --sort=name --owner=0 --group=0 --numeric-owner --mode='u+rwX,go+rX,go-w' \
    -C "$trabajo" -czf "dist/$nombre.tar.gz" "$nombre"
(cd dist && sha256sum "$nombre.tar.gz" > "$nombre.tar.gz.sha256")

# Lo que nunca debe viajar al servidor.
contenido=$(tar -tzf "dist/$nombre.tar.gz")
prohibido=$(printf '%s\n' "$contenido" \
  | grep -E '(^|/)(node_modules|\.venv|tests|e2e|bench|instance|\.git)(/|$)|\.(db|sqlite3?)$|(^|/)\.env$' || true)
[ -z "$prohibido" ] || falla "el artefacto lleva archivos que no debe: $prohibido"
printf '%s\n' "$contenido" | grep -qx "$nombre/frontend/dist/index.html" \
  || falla "el artefacto no lleva frontend/dist/index.html"
echo "dist/$nombre.tar.gz"
cat "dist/$nombre.tar.gz.sha256"
