#!/usr/bin/env node
/**
 * La caja de búsqueda única (M10) en el navegador: desde la ÚLTIMA tecla hasta que los resultados
 * de esa consulta están pintados en la pantalla de Consulta, con playwright-core y el Chromium de
 * Debian. Meta del issue 14: < 150 ms a 1.000.000 de clientes.
 *
 * Lo corre `make bench` por medio de `python -m bench.busqueda_navegador`, que prepara la base de
 * `bench/busqueda.py` (100.000 o 1.000.000 de clientes según BENCH_SCALE), crea el agente, sirve API
 * y frontend/dist con gunicorn como en producción y guarda el JSON con el commit. Suelto:
 *
 *   node scripts/medir-busqueda.mjs SALIDA.json --url URL --textos TEXTOS.json
 *        [--usuario U] [--consultas 30] [--calentamiento 5] [--retardo 50]
 *
 * TEXTOS.json: `{"documento": ["CC 1020304050", …], "telefono": […], …}` (un modo por clave). La
 * contraseña va en BENCH_CONTRASENA (por defecto, la del agente de demostración).
 *
 * Cada consulta: se vacía la caja, se espera a que se calme, y se escribe el texto tecla a tecla
 * (`pressSequentially`, `--retardo` ms entre teclas, como una persona). Dentro de la página, con
 * `performance.now()`: t0 = evento `input` de la última tecla; un MutationObserver anota, en el cuadro
 * (requestAnimationFrame) siguiente a cada cambio del DOM, los resultados visibles y el instante
 * tras pintarse (un mensaje encolado desde ese requestAnimationFrame corre después del pintado).
 * El fin es el primer cuadro, posterior a la llegada de la respuesta de ESA consulta, cuya lista
 * `resultados-busqueda` (no ocupada: sin aria-busy="true") muestra exactamente los resultados que
 * respondió la API (en orden, por nombre y apellido). La respuesta la lee Node por el protocolo del navegador, sin tocar la página.
 * Desglose con PerformanceResourceTiming de la petición: debounce = t0 → sale la petición;
 * red y servidor = sale → llega el último byte; render = llega → pintado.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ARGUMENTOS_CHROMIUM, CHROMIUM } from '../e2e/chromium.mjs';

const META_MS = 150;
const RUTA_API = '/api/clientes/busqueda';
const CAJA = '[data-testid="caja-busqueda"]';
const ESPERA_RESULTADO_MS = 15_000;
// Tras vaciar la caja: más que cualquier debounce razonable, para que nada de la consulta anterior
// quede en vuelo cuando empieza la siguiente.
const CALMA_MS = 400;

/** La Consulta aún no tiene la caja (código de salida SIN_CAJA): quien llama decide si es un error. */
class SinCaja extends Error {}
const SIN_CAJA = 3;

function argumentos(argv) {
  const opciones = {
    salida: null,
    url: process.env.BENCH_URL ?? 'http://127.0.0.1:5099',
    textos: null,
    usuario: 'agente',
    contrasena: process.env.BENCH_CONTRASENA ?? 'Agente-Demo-2026',
    consultas: 30,
    calentamiento: 5,
    retardo: 50,
    ruta: '/',
  };
  const numeros = new Set(['consultas', 'calentamiento', 'retardo']);
  for (let i = 0; i < argv.length; i += 1) {
    const nombre = argv[i].startsWith('--') ? argv[i].slice(2) : null;
    if (nombre && nombre in opciones && nombre !== 'salida') {
      const valor = argv[++i];
      opciones[nombre] = numeros.has(nombre) ? Number(valor) : valor;
    } else if (!nombre && !opciones.salida) opciones.salida = argv[i];
    else {
      console.error(`Argumento desconocido: ${argv[i]}`);
      process.exit(2);
    }
  }
  const enteros = [...numeros].every((n) => Number.isInteger(opciones[n]) && opciones[n] >= 0);
  if (!opciones.salida || !opciones.textos || !enteros || opciones.consultas < 1) {
    console.error(
      'Uso: node scripts/medir-busqueda.mjs SALIDA.json --url URL --textos TEXTOS.json ' +
        '[--usuario U] [--consultas 30] [--calentamiento 5] [--retardo 50] [--ruta /]',
    );
    process.exit(2);
  }
  return opciones;
}

/** Percentil por rango más cercano (con 30 muestras, p99 es la peor). */
function estadistica(muestras) {
  const orden = [...muestras].sort((a, b) => a - b);
  const r = (v) => Math.round(v * 10) / 10;
  const percentil = (p) => r(orden[Math.min(orden.length - 1, Math.max(0, Math.ceil((p / 100) * orden.length) - 1))]);
  return {
    n: orden.length,
    p50: percentil(50),
    p95: percentil(95),
    p99: percentil(99),
    min: r(orden[0]),
    max: r(orden.at(-1)),
    media: r(orden.reduce((s, v) => s + v, 0) / orden.length),
  };
}

/**
 * Instrumentación de la página (antes de cualquier script de la app). Solo observa. Corre dentro de
 * la página: los selectores `resultados-busqueda` y `resultado-busqueda` van escritos aquí.
 */
function instrumentar() {
  const bench = { activo: false, teclas: [], cuadros: [], pendiente: false };
  window.__benchBusqueda = bench;
  // Cada tecla que cambia el texto (`input`: también las letras con tilde, que Playwright inserta
  // sin keydown).
  document.addEventListener(
    'input',
    () => {
      if (bench.activo) bench.teclas.push(performance.now());
    },
    true,
  );
  const foto = () => {
    const lista = document.querySelector('[data-testid="resultados-busqueda"]');
    // Una lista ocupada (aria-busy) todavía muestra la respuesta anterior.
    if (!lista || lista.getAttribute('aria-busy') === 'true') return null;
    return [...lista.querySelectorAll('[data-testid="resultado-busqueda"]')].map((e) =>
      (e.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
  };
  const alCambiar = () => {
    if (!bench.activo || bench.pendiente) return;
    bench.pendiente = true;
    requestAnimationFrame(() => {
      bench.pendiente = false;
      const cuadro = { raf: performance.now(), resultados: foto(), pintado: null };
      bench.cuadros.push(cuadro);
      // Un mensaje encolado en el requestAnimationFrame corre después del pintado de ese cuadro.
      const canal = new MessageChannel();
      canal.port1.onmessage = () => {
        cuadro.pintado = performance.now();
      };
      canal.port2.postMessage(null);
    });
  };
  const observar = () =>
    new MutationObserver(alCambiar).observe(document.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
    });
  if (document.documentElement) observar();
  else document.addEventListener('DOMContentLoaded', observar);
}

/** En la página: empieza una consulta (borra teclas, cuadros y tiempos de recursos anteriores). */
function empezar() {
  const bench = window.__benchBusqueda;
  performance.clearResourceTimings();
  performance.setResourceTimingBufferSize(10_000);
  bench.teclas = [];
  bench.cuadros = [];
  bench.activo = true;
}

/**
 * En la página: ¿ya se pintó la respuesta `url`? `esperados`: por resultado, los textos que debe
 * contener su fila. Devuelve la medida o null.
 */
function medida({ url, esperados, ruta }) {
  const bench = window.__benchBusqueda;
  const peticiones = performance.getEntriesByType('resource').filter((e) => e.name.includes(ruta));
  const peticion = peticiones.filter((e) => e.name === url).at(-1);
  if (!peticion || !peticion.responseEnd) return null;
  const t0 = bench.teclas.at(-1);
  const coincide = (resultados) =>
    resultados !== null &&
    resultados.length === esperados.length &&
    esperados.every((textos, i) => textos.every((t) => resultados[i].includes(t)));
  const cuadro = bench.cuadros.find((c) => c.raf >= peticion.responseEnd && c.pintado !== null && coincide(c.resultados));
  if (!cuadro) return null;
  bench.activo = false;
  return {
    total_ms: cuadro.pintado - t0,
    debounce_ms: peticion.startTime - t0,
    red_ms: peticion.responseEnd - peticion.startTime,
    servidor_ms: peticion.responseStart && peticion.requestStart ? peticion.responseStart - peticion.requestStart : null,
    render_ms: cuadro.pintado - peticion.responseEnd,
    sin_debounce_ms: cuadro.pintado - peticion.startTime,
    peticiones: peticiones.filter((e) => e.startTime >= bench.teclas[0]).length,
    teclas: bench.teclas.length,
  };
}

function normalizar(texto) {
  return texto.replace(/\s+/g, ' ').trim();
}

async function consultar(pagina, caja, texto, respuestas, retardo) {
  await caja.fill('');
  await pagina.waitForTimeout(CALMA_MS);
  respuestas.length = 0;
  await pagina.evaluate(empezar);
  await caja.pressSequentially(texto, { delay: retardo });
  const limite = Date.now() + ESPERA_RESULTADO_MS;
  let respuesta;
  while (!(respuesta = respuestas.find((r) => normalizar(new URL(r.url()).searchParams.get('q') ?? '') === normalizar(texto)))) {
    if (Date.now() > limite) {
      const vistas = respuestas.map((r) => new URL(r.url()).searchParams.get('q'));
      throw new Error(`«${texto}»: no llegó su respuesta de ${RUTA_API} (llegaron: ${JSON.stringify(vistas)}).`);
    }
    await pagina.waitForTimeout(20);
  }
  if (respuesta.status() !== 200) throw new Error(`«${texto}»: la API respondió ${respuesta.status()}.`);
  const cuerpo = await respuesta.json();
  const esperados = cuerpo.resultados.map((r) => [normalizar(r.nombre), normalizar(r.apellido)]);
  const resultado = await pagina.waitForFunction(medida, { url: respuesta.url(), esperados, ruta: RUTA_API }, {
    timeout: ESPERA_RESULTADO_MS,
    polling: 50,
  });
  return { ...(await resultado.jsonValue()), modo: cuerpo.modo, total: cuerpo.total };
}

async function medir(opciones, textos) {
  const navegador = await chromium.launch({ executablePath: CHROMIUM, args: ARGUMENTOS_CHROMIUM });
  try {
    const pagina = await navegador.newPage({ baseURL: opciones.url, locale: 'es-CO', timezoneId: 'America/Bogota' });
    await pagina.addInitScript(instrumentar);
    const respuestas = [];
    pagina.on('response', (r) => {
      if (new URL(r.url()).pathname === RUTA_API) respuestas.push(r);
    });
    await pagina.goto('/login');
    await pagina.getByRole('textbox', { name: 'Usuario' }).fill(opciones.usuario);
    await pagina.getByLabel(/^Contraseña/).fill(opciones.contrasena);
    await pagina.getByRole('button', { name: 'Ingresar' }).click();
    await pagina.waitForURL((u) => !u.pathname.startsWith('/login'));
    await pagina.goto(opciones.ruta);
    const caja = pagina.locator(CAJA);
    try {
      await caja.waitFor({ timeout: 20_000 });
    } catch {
      throw new SinCaja(`La pantalla ${opciones.ruta} no tiene la caja de búsqueda (${CAJA}): no hay nada que medir.`);
    }

    const modos = {};
    for (const [modo, lista] of Object.entries(textos)) {
      const necesarias = opciones.calentamiento + opciones.consultas;
      const unicos = [...new Set(lista.map(normalizar))];
      if (unicos.length < necesarias) throw new Error(`El modo ${modo} tiene ${unicos.length} textos distintos; hacen falta ${necesarias}.`);
      const filas = [];
      for (const [i, texto] of unicos.slice(0, necesarias).entries()) {
        const fila = await consultar(pagina, caja, texto, respuestas, opciones.retardo);
        if (i >= opciones.calentamiento) filas.push({ texto, ...fila });
      }
      const de = (campo) => {
        const valores = filas.map((f) => f[campo]).filter((v) => v !== null);
        return valores.length ? estadistica(valores) : null;
      };
      modos[modo] = {
        consultas: filas.length,
        modos_api: [...new Set(filas.map((f) => f.modo))],
        ultima_tecla_a_pintado_ms: de('total_ms'),
        debounce_ms: de('debounce_ms'),
        red_servidor_ms: de('red_ms'),
        servidor_ms: de('servidor_ms'),
        render_ms: de('render_ms'),
        // Lo que queda sin el debounce (sale la petición → pintado): cuánto debounce cabe en la meta.
        peticion_a_pintado_ms: de('sin_debounce_ms'),
        peticiones_por_consulta: de('peticiones'),
        coincidencias: de('total'),
        cumple: null,
      };
      modos[modo].cumple = modos[modo].ultima_tecla_a_pintado_ms.p99 < META_MS;
      process.stderr.write(
        `  ${modo}: p50 ${modos[modo].ultima_tecla_a_pintado_ms.p50} ms, p99 ${modos[modo].ultima_tecla_a_pintado_ms.p99} ms\n`,
      );
    }
    return { navegador: `Chromium ${navegador.version()}`, modos };
  } finally {
    await navegador.close();
  }
}

function imprimirTabla(modos, meta = META_MS) {
  const col = (v, ancho = 7) => String(v ?? '—').padStart(ancho);
  console.log(`\nCaja de búsqueda en el navegador: última tecla → resultados pintados (meta p99 < ${meta} ms)`);
  console.log(
    `${'modo'.padEnd(20)}${col('p50')}${col('p95')}${col('p99')}  | debounce  red+serv  render (p50)  | pet./cons.  cumple`,
  );
  for (const [modo, m] of Object.entries(modos)) {
    const t = m.ultima_tecla_a_pintado_ms;
    console.log(
      `${modo.padEnd(20)}${col(t.p50)}${col(t.p95)}${col(t.p99)}  | ${col(m.debounce_ms?.p50, 8)}${col(m.red_servidor_ms?.p50, 10)}` +
        `${col(m.render_ms?.p50, 8)}        | ${col(m.peticiones_por_consulta?.media, 10)}  ${m.cumple ? 'sí' : 'NO'}`,
    );
  }
}

async function principal() {
  const opciones = argumentos(process.argv.slice(2));
  const textos = JSON.parse(readFileSync(opciones.textos, 'utf8'));
  const publicas = { ...opciones };
  delete publicas.contrasena;
  const resultado = await medir(opciones, textos);
  const informe = {
    fecha: new Date().toISOString(),
    meta_ms: META_MS,
    opciones: publicas,
    ...resultado,
    cumple: Object.values(resultado.modos).every((m) => m.cumple),
  };
  mkdirSync(path.dirname(path.resolve(opciones.salida)), { recursive: true });
  writeFileSync(opciones.salida, `${JSON.stringify(informe, null, 2)}\n`);
  imprimirTabla(resultado.modos);
  console.log(`\nJSON escrito en ${opciones.salida}`);
}

principal().catch((error) => {
  console.error(`medir-busqueda: ${error.message}`);
  process.exit(error instanceof SinCaja ? SIN_CAJA : 1);
});
