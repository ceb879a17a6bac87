-- wrk: GET de las rutas de un archivo (una por línea), al azar, con un token Bearer real.
-- Uso: wrk ... -s bench/rutas.lua http://127.0.0.1:PUERTO -- TOKEN ARCHIVO_RUTAS
local carpeta = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "bench/"
dofile(carpeta .. "resumen.lua")  -- setup() (numero_hilo) y done() (la línea JSON del resumen)
local rutas = {}
local cabeceras = {}

function init(args)
  cabeceras["Authorization"] = "Bearer " .. args[1]
  for linea in io.lines(args[2]) do
    if linea ~= "" then
      rutas[#rutas + 1] = linea
    end
  end
  math.randomseed(os.time() * 100 + (numero_hilo or 0))
end

function request()
  return wrk.format("GET", rutas[math.random(#rutas)], cabeceras)
end
