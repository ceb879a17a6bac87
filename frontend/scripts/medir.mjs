#!/usr/bin/env node
/**
 * Mide el frontend para `make bench`:
 *  1. el JavaScript construido (dist/assets/*.js) comprimido con gzip (zlib de Node);
 *  2. con playwright-core y el Chromium de Debian, contra el servidor e2e (datos de demostración),
 *     el tiempo desde que el agente presiona Enter en la consulta hasta que ve al cliente
 *     (mediana de N búsquedas seguidas de clientes distintos; aparte, la primera tras abrir la app).
 *
 * Uso: node scripts/medir.mjs SALIDA.json [--url http://127.0.0.1:5099] [--busquedas 20]
 * Si no hay servidor en la URL, arranca e2e/servidor-e2e.sh (necesita ../.venv) y lo detiene al final.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ARGUMENTOS_CHROMIUM, CHROMIUM } from '../e2e/chromium.mjs';

const RAIZ = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Documentos de services/demo_service.py (CLIENTES_DEMO) y la cuenta de demostración del agente.
const DOCUMENTOS = [
  ['CC', '1020304050'],
  ['CE', '4567890'],
  ['NIT', '900123456'],
  ['PA', 'AX1234567'],
  ['TI', '1020304050'],
  ['CC', '79845123'],
  ['CC', '52987456'],
  ['CC', '1098765432'],
  ['CC', '1143567890'],
  ['CC', '71234567'],
];
const AGENTE = { usuario: 'agente', contrasena: 'Agente-Demo-2026' };

function argumentos(argv) {
  const opciones = { salida: null, url: process.env.E2E_URL ?? 'http://127.0.0.1:5099', busquedas: 20 };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--url') opciones.url = argv[++i];
    else if (argv[i] === '--busquedas') opciones.busquedas = Number(argv[++i]);
    else if (!opciones.salida) opciones.salida = argv[i];
  }
  if (!opciones.salida || !Number.isInteger(opciones.busquedas) || opciones.busquedas < 1) {
    console.error('Uso: node scripts/medir.mjs SALIDA.json [--url URL] [--busquedas N]');
    process.exit(2);
  }
  return opciones;
}

function tamanoJs() {
  const carpeta = path.join(RAIZ, 'dist', 'assets');
  let nombres;
  try {
    nombres = readdirSync(carpeta).filter((n) => n.endsWith('.js'));
  } catch {
    throw new Error('No existe frontend/dist: ejecute primero `npm run build`.');
  }
  const inicial = new Set(
    [...readFileSync(path.join(RAIZ, 'dist', 'index.html'), 'utf8').matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]),
  );
  const archivos = nombres
    .map((nombre) => {
      const contenido = readFileSync(path.join(carpeta, nombre));
      return { archivo: nombre, bytes: contenido.length, gzip: gzipSync(contenido, { level: 9 }).length, inicial: inicial.has(nombre) };
    })
    .sort((a, b) => b.gzip - a.gzip);
  const suma = (lista, campo) => lista.reduce((total, a) => total + a[campo], 0);
  return {
    archivos,
    js_bytes: suma(archivos, 'bytes'),
    js_gzip_bytes: suma(archivos, 'gzip'),
    js_inicial_gzip_bytes: suma(archivos.filter((a) => a.inicial), 'gzip'),
  };
}

async function responde(url) {
  try {
    return (await fetch(`${url}/api/salud`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

async function asegurarServidor(url) {
  if (await responde(url)) return null;
  const puerto = new URL(url).port || '80';
  const proceso = spawn('bash', [path.join(RAIZ, 'e2e', 'servidor-e2e.sh')], {
    env: { ...process.env, PORT: puerto },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const limite = Date.now() + 120_000;
  while (Date.now() < limite) {
    if (await responde(url)) return proceso;
    if (proceso.exitCode !== null) throw new Error('El servidor e2e terminó antes de responder.');
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`El servidor no respondió en ${url}.`);
}

function estadistica(muestras) {
  const orden = [...muestras].sort((a, b) => a - b);
  const percentil = (p) => orden[Math.min(orden.length - 1, Math.ceil((p / 100) * orden.length) - 1)];
  const mitad = Math.floor(orden.length / 2);
  const mediana = orden.length % 2 ? orden[mitad] : (orden[mitad - 1] + orden[mitad]) / 2;
  const r = (v) => Math.round(v * 10) / 10;
  return { mediana: r(mediana), p90: r(percentil(90)), min: r(orden[0]), max: r(orden.at(-1)), muestras: orden.map(r) };
}

/** En la página: t0 al keydown de Enter; fin en el primer cuadro en que se ve el cliente pedido. */
function prepararMedicion(documento) {
  window.__medicion = new Promise((resolver) => {
    let t0 = 0;
    const listo = () =>
      document.querySelector(`[data-testid="resultado-cliente"][data-documento="${documento}"]:not([aria-busy="true"])`);
    const cuadro = () => {
      if (listo()) {
        const recurso = performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('/api/clientes/buscar'))
          .at(-1);
        resolver({
          ms: performance.now() - t0,
          api_ms: recurso ? recurso.duration : null,
          peticion_inicia_ms: recurso ? recurso.startTime - t0 : null,
          respuesta_llega_ms: recurso ? recurso.responseEnd - t0 : null,
        });
      } else requestAnimationFrame(cuadro);
    };
    const alPresionar = (evento) => {
      if (evento.key !== 'Enter') return;
      document.removeEventListener('keydown', alPresionar, true);
      t0 = performance.now();
      requestAnimationFrame(cuadro);
    };
    document.addEventListener('keydown', alPresionar, true);
  });
}

async function buscarYMedir(pagina, tipo, numero) {
  const campo = pagina.getByRole('textbox', { name: 'Número de documento' });
  await campo.waitFor();
  await pagina.getByRole('combobox', { name: 'Tipo de documento' }).selectOption(tipo);
  await campo.fill(numero);
  await pagina.evaluate(prepararMedicion, `${tipo}-${numero}`);
  await campo.press('Enter');
  return pagina.evaluate(() => window.__medicion);
}

/**
 * Búsquedas seguidas en la misma página, como en una jornada de llamadas, siempre de clientes
 * distintos (sin aciertos de caché). Cada ronda recarga la app; su primera búsqueda (código aún
 * frío) se cuenta aparte como `primera_busqueda_ms`.
 */
async function medirBusquedas(url, cantidad) {
  const navegador = await chromium.launch({ executablePath: CHROMIUM, args: ARGUMENTOS_CHROMIUM });
  try {
    const pagina = await navegador.newPage({ baseURL: url, locale: 'es-CO', timezoneId: 'America/Bogota' });
    await pagina.goto('/login');
    await pagina.getByRole('textbox', { name: 'Usuario' }).fill(AGENTE.usuario);
    await pagina.getByLabel(/^Contraseña/).fill(AGENTE.contrasena);
    await pagina.getByRole('button', { name: 'Ingresar' }).click();
    await pagina.getByRole('textbox', { name: 'Número de documento' }).waitFor();

    const seguidas = { total: [], api: [], inicio: [], llegada: [] };
    const primeras = [];
    for (let ronda = 0; seguidas.total.length < cantidad; ronda += 1) {
      await pagina.goto('/');
      const orden = DOCUMENTOS.map((_, i) => DOCUMENTOS[(i + ronda) % DOCUMENTOS.length]);
      const [primero, ...resto] = orden;
      primeras.push((await buscarYMedir(pagina, ...primero)).ms);
      for (const [tipo, numero] of resto) {
        if (seguidas.total.length >= cantidad) break;
        const r = await buscarYMedir(pagina, tipo, numero);
        seguidas.total.push(r.ms);
        if (r.api_ms !== null) {
          seguidas.api.push(r.api_ms);
          seguidas.inicio.push(r.peticion_inicia_ms);
          seguidas.llegada.push(r.respuesta_llega_ms);
        }
      }
    }
    const o = (lista) => (lista.length ? estadistica(lista) : null);
    return {
      enter_a_resultado_ms: estadistica(seguidas.total),
      api_buscar_ms: o(seguidas.api),
      enter_a_peticion_ms: o(seguidas.inicio),
      enter_a_respuesta_ms: o(seguidas.llegada),
      primera_busqueda_ms: estadistica(primeras),
    };
  } finally {
    await navegador.close();
  }
}

async function principal() {
  const opciones = argumentos(process.argv.slice(2));
  const tamano = tamanoJs();
  const servidor = await asegurarServidor(opciones.url);
  let busquedas;
  try {
    busquedas = await medirBusquedas(opciones.url, opciones.busquedas);
  } finally {
    if (servidor) process.kill(-servidor.pid, 'SIGTERM');
  }
  const informe = {
    fecha: new Date().toISOString(),
    url: opciones.url,
    busquedas: opciones.busquedas,
    ...tamano,
    ...busquedas,
  };
  mkdirSync(path.dirname(path.resolve(opciones.salida)), { recursive: true });
  writeFileSync(opciones.salida, `${JSON.stringify(informe, null, 2)}\n`);

  const kb = (b) => `${(b / 1024).toFixed(1)} KiB`;
  const filas = [
    ['JS total (gzip)', kb(tamano.js_gzip_bytes)],
    ['JS carga inicial (gzip)', kb(tamano.js_inicial_gzip_bytes)],
    ['JS total (sin comprimir)', kb(tamano.js_bytes)],
    [`Enter → cliente visible, mediana (${opciones.busquedas})`, `${busquedas.enter_a_resultado_ms.mediana} ms`],
    ['Enter → cliente visible, p90', `${busquedas.enter_a_resultado_ms.p90} ms`],
    ['Primera búsqueda tras abrir la app, mediana', `${busquedas.primera_busqueda_ms.mediana} ms`],
    ['GET /api/clientes/buscar, mediana', busquedas.api_buscar_ms ? `${busquedas.api_buscar_ms.mediana} ms` : '—'],
    ['Enter → sale la petición, mediana', busquedas.enter_a_peticion_ms ? `${busquedas.enter_a_peticion_ms.mediana} ms` : '—'],
    ['Enter → llega la respuesta, mediana', busquedas.enter_a_respuesta_ms ? `${busquedas.enter_a_respuesta_ms.mediana} ms` : '—'],
  ];
  const ancho = Math.max(...filas.map(([e]) => e.length));
  console.log(`${'medida'.padEnd(ancho)}  valor`);
  console.log(`${'-'.repeat(ancho)}  ${'-'.repeat(12)}`);
  for (const [etiqueta, valor] of filas) console.log(`${etiqueta.padEnd(ancho)}  ${valor}`);
  console.log(`\nJSON escrito en ${opciones.salida}`);
}

principal().catch((error) => {
  console.error(`medir: ${error.message}`);
  process.exit(1);
});
