-- wrk: consulta de clientes existentes al azar (muestra de documentos) con un token Bearer real.
-- Uso: wrk ... -s bench/buscar.lua http://127.0.0.1:PUERTO -- TOKEN ARCHIVO_DOCUMENTOS
local carpeta = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "bench/"
dofile(carpeta .. "resumen.lua")  -- setup() (numero_hilo) y done() (la línea JSON del resumen)
local rutas = {}
local cabeceras = {}

function init(args)
  cabeceras["Authorization"] = "Bearer " .. args[1]
  for linea in io.lines(args[2]) do
    local tipo, numero = linea:match("^(%S+)%s+(%S+)$")
    if tipo then
      rutas[#rutas + 1] = "/api/clientes/buscar?tipo_documento=" .. tipo .. "&numero_documento=" .. numero
    end
  end
  math.randomseed(os.time() * 100 + (numero_hilo or 0))
end

function request()
  return wrk.format("GET", rutas[math.random(#rutas)], cabeceras)
end
