-- wrk: GET de las rutas de un archivo (una por línea), al azar, con un token Bearer real.
-- Uso: wrk ... -s bench/rutas.lua http://127.0.0.1:PUERTO -- TOKEN ARCHIVO_RUTAS
local rutas = {}
local cabeceras = {}
local hilos = 0

function setup(hilo)
  hilos = hilos + 1
  hilo:set("numero_hilo", hilos)
end

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

-- La misma línea JSON que bench/buscar.lua (latencias en milisegundos).
function done(resumen, latencia, peticiones)
  local e = resumen.errors
  io.write(string.format(
    '{"peticiones": %d, "segundos": %.3f, "errores_conexion": %d, "errores_lectura": %d, ' ..
    '"errores_escritura": %d, "errores_estado": %d, "errores_tiempo": %d, "p50_ms": %.3f, ' ..
    '"p90_ms": %.3f, "p99_ms": %.3f, "max_ms": %.3f, "promedio_ms": %.3f}\n',
    resumen.requests, resumen.duration / 1e6, e.connect, e.read, e.write, e.status, e.timeout,
    latencia:percentile(50) / 1000, latencia:percentile(90) / 1000,
    latencia:percentile(99) / 1000, latencia.max / 1000, latencia.mean / 1000))
end
