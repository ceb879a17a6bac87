-- wrk: consulta de clientes existentes al azar (muestra de documentos) con un token Bearer real.
-- Uso: wrk ... -s bench/buscar.lua http://127.0.0.1:PUERTO -- TOKEN ARCHIVO_DOCUMENTOS
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

-- Una línea JSON con lo que el benchmark necesita (latencias en milisegundos).
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
