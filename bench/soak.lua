-- wrk: las consultas de bench/buscar.lua a ritmo fijo (make soak). Antes de cada petición, cada
-- conexión espera RETARDO_MS milisegundos (hook `delay` de wrk; puede tener decimales).
-- Uso: wrk ... -s bench/soak.lua http://127.0.0.1:PUERTO -- TOKEN ARCHIVO_DOCUMENTOS RETARDO_MS
local carpeta = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "bench/"
dofile(carpeta .. "buscar.lua")  -- setup, init, request y done de la consulta normal

local retardo = 0
local init_consulta = init

function init(args)
  init_consulta(args)
  retardo = math.max(tonumber(args[3]) or 0, 0)
end

-- wrk trunca el retardo a milisegundos enteros: se redondea al azar hacia arriba o hacia abajo
-- para que el promedio sea el valor pedido (y las conexiones no queden sincronizadas).
function delay()
  local entero = math.floor(retardo)
  if math.random() < retardo - entero then
    return entero + 1
  end
  return entero
end
