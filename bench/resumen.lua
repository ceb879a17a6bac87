-- wrk: lo común a bench/buscar.lua, bench/rutas.lua y bench/pedidos.lua (lo cargan con dofile):
-- el número de cada hilo (`numero_hilo`, en su init) y la línea JSON que lee bench/carga.py al
-- terminar (latencias en milisegundos).
local hilos = 0

function setup(hilo)
  hilos = hilos + 1
  hilo:set("numero_hilo", hilos)
end

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
