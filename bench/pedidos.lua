-- wrk: pedidos entregados (POST /registrar_pedido_entregado) como los envía el script del cliente,
-- cada uno con su pedido_id y la clave X-Api-Key de uno de varios dispositivos.
-- Uso: wrk -tHILOS ... -s bench/pedidos.lua http://127.0.0.1:PUERTO -- TOKEN_SIN_USO ARCHIVO_PEDIDOS HILOS
-- ARCHIVO_PEDIDOS: una línea por pedido, «CLAVE<tab>JSON» (bench/entregas.py la genera). Cada hilo
-- de wrk toma las líneas i, i + hilos, i + 2·hilos...: ningún pedido se envía dos veces mientras
-- alcancen las líneas.
local carpeta = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "bench/"
dofile(carpeta .. "resumen.lua")  -- setup() (numero_hilo) y done() (la línea JSON del resumen)
local pedidos = {}
local siguiente = 1
local paso = 1

function init(args)
  for linea in io.lines(args[2]) do
    local clave, cuerpo = linea:match("^(%S+)\t(.+)$")
    if clave then
      pedidos[#pedidos + 1] = {clave, cuerpo}
    end
  end
  siguiente = numero_hilo or 1
  paso = tonumber(args[3]) or 1
end

function request()
  local pedido = pedidos[(siguiente - 1) % #pedidos + 1]
  siguiente = siguiente + paso
  return wrk.format("POST", "/registrar_pedido_entregado",
    {["Content-Type"] = "application/json", ["X-Api-Key"] = pedido[1]}, pedido[2])
end
