BEGIN TRANSACTION;

CREATE TABLE alembic_version (
    version_num NVARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

GO

-- Running upgrade  -> 0001

CREATE TABLE tipos_documento (
    id INTEGER NOT NULL IDENTITY, 
    codigo NVARCHAR(5) NOT NULL, 
    nombre NVARCHAR(60) NOT NULL, 
    descripcion NVARCHAR(200) NOT NULL, 
    activo BIT NOT NULL, 
    CONSTRAINT pk_tipos_documento PRIMARY KEY (id), 
    CONSTRAINT uq_tipos_documento_codigo UNIQUE (codigo)
);

GO

CREATE TABLE usuarios (
    id INTEGER NOT NULL IDENTITY, 
    usuario NVARCHAR(60) NOT NULL, 
    nombre NVARCHAR(120) NOT NULL, 
    contrasena_hash NVARCHAR(255) NOT NULL, 
    rol NVARCHAR(20) NOT NULL, 
    activo BIT NOT NULL, 
    creado_en DATETIME2 NOT NULL, 
    CONSTRAINT pk_usuarios PRIMARY KEY (id), 
    CONSTRAINT ck_usuarios_rol_valido CHECK (rol IN ('agente', 'supervisor', 'admin')), 
    CONSTRAINT uq_usuarios_usuario UNIQUE (usuario)
);

GO

CREATE TABLE clientes (
    id INTEGER NOT NULL IDENTITY, 
    tipo_documento_id INTEGER NOT NULL, 
    numero_documento NVARCHAR(20) NOT NULL, 
    nombre NVARCHAR(150) NOT NULL, 
    apellido NVARCHAR(150) NOT NULL, 
    correo NVARCHAR(254) NULL, 
    telefono NVARCHAR(20) NULL, 
    ciudad NVARCHAR(80) NULL, 
    direccion NVARCHAR(200) NULL, 
    fecha_registro DATETIME2 NOT NULL, 
    activo BIT NOT NULL, 
    CONSTRAINT pk_clientes PRIMARY KEY (id), 
    CONSTRAINT fk_clientes_tipo_documento_id_tipos_documento FOREIGN KEY(tipo_documento_id) REFERENCES tipos_documento (id), 
    CONSTRAINT uq_clientes_tipo_documento_id_numero_documento UNIQUE (tipo_documento_id, numero_documento)
);

GO

CREATE TABLE sesiones (
    id NVARCHAR(36) NOT NULL, 
    usuario_id INTEGER NOT NULL, 
    creada_en DATETIME2 NOT NULL, 
    expira_en DATETIME2 NOT NULL, 
    revocada_en DATETIME2 NULL, 
    CONSTRAINT pk_sesiones PRIMARY KEY (id), 
    CONSTRAINT fk_sesiones_usuario_id_usuarios FOREIGN KEY(usuario_id) REFERENCES usuarios (id)
);

GO

CREATE INDEX ix_sesiones_usuario_id ON sesiones (usuario_id);

GO

CREATE TABLE auditoria (
    id INTEGER NOT NULL IDENTITY, 
    fecha DATETIME2 NOT NULL, 
    usuario_id INTEGER NULL, 
    ip NVARCHAR(45) NULL, 
    accion NVARCHAR(30) NOT NULL, 
    cliente_id INTEGER NULL, 
    tipo_documento NVARCHAR(5) NULL, 
    documento_huella NVARCHAR(64) NULL, 
    parametros NVARCHAR(500) NOT NULL, 
    resultado NVARCHAR(30) NOT NULL, 
    estado_http INTEGER NOT NULL, 
    CONSTRAINT pk_auditoria PRIMARY KEY (id), 
    CONSTRAINT fk_auditoria_cliente_id_clientes FOREIGN KEY(cliente_id) REFERENCES clientes (id), 
    CONSTRAINT fk_auditoria_usuario_id_usuarios FOREIGN KEY(usuario_id) REFERENCES usuarios (id)
);

GO

CREATE INDEX ix_auditoria_cliente_id ON auditoria (cliente_id);

GO

CREATE INDEX ix_auditoria_documento_huella ON auditoria (documento_huella);

GO

CREATE INDEX ix_auditoria_fecha ON auditoria (fecha);

GO

CREATE INDEX ix_auditoria_usuario_id_fecha ON auditoria (usuario_id, fecha);

GO

CREATE TABLE compras (
    id INTEGER NOT NULL IDENTITY, 
    cliente_id INTEGER NOT NULL, 
    numero_factura NVARCHAR(30) NOT NULL, 
    fecha DATETIME2 NOT NULL, 
    total NUMERIC(16, 2) NOT NULL, 
    estado NVARCHAR(10) NOT NULL, 
    canal NVARCHAR(20) NULL, 
    tienda NVARCHAR(80) NULL, 
    CONSTRAINT pk_compras PRIMARY KEY (id), 
    CONSTRAINT ck_compras_estado_valido CHECK (estado IN ('pagada', 'anulada', 'devuelta')), 
    CONSTRAINT ck_compras_total_no_negativo CHECK (total >= 0), 
    CONSTRAINT fk_compras_cliente_id_clientes FOREIGN KEY(cliente_id) REFERENCES clientes (id), 
    CONSTRAINT uq_compras_numero_factura UNIQUE (numero_factura)
);

GO

CREATE INDEX ix_compras_cliente_fecha ON compras (cliente_id, fecha);

GO

CREATE INDEX ix_compras_estado_fecha ON compras (estado, fecha, cliente_id, total);

GO

INSERT INTO tipos_documento (codigo, nombre, descripcion, activo) VALUES (N'CC', N'Cédula de ciudadanía', N'Documento de identidad de los ciudadanos colombianos.', 1);

GO

INSERT INTO tipos_documento (codigo, nombre, descripcion, activo) VALUES (N'CE', N'Cédula de extranjería', N'Documento de identidad de extranjeros residentes.', 1);

GO

INSERT INTO tipos_documento (codigo, nombre, descripcion, activo) VALUES (N'NIT', N'NIT', N'Número de identificación tributaria de empresas (DIAN).', 1);

GO

INSERT INTO tipos_documento (codigo, nombre, descripcion, activo) VALUES (N'PA', N'Pasaporte', N'Pasaporte nacional o extranjero.', 1);

GO

INSERT INTO tipos_documento (codigo, nombre, descripcion, activo) VALUES (N'TI', N'Tarjeta de identidad', N'Documento de identidad de menores de edad.', 1);

GO

INSERT INTO alembic_version (version_num) OUTPUT inserted.version_num VALUES ('0001');

GO

-- Running upgrade 0001 -> 0002

ALTER TABLE sesiones ADD familia_id NVARCHAR(36) NULL;

GO

CREATE INDEX ix_sesiones_familia_id ON sesiones (familia_id);

GO

UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001';

GO

-- Running upgrade 0002 -> 0003

ALTER TABLE usuarios ADD zona NVARCHAR(80) NULL;

GO

ALTER TABLE usuarios ADD correo NVARCHAR(254) NULL;

GO

ALTER TABLE usuarios DROP CONSTRAINT ck_usuarios_rol_valido;

GO

ALTER TABLE usuarios ADD CONSTRAINT ck_usuarios_rol_valido CHECK (rol IN ('agente', 'supervisor', 'admin', 'vendedor', 'catalogo', 'monitor', 'cliente', 'recaudo'));

GO

UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0002';

GO

-- Running upgrade 0003 -> 0004

CREATE TABLE tipos_establecimiento (
    id INTEGER NOT NULL IDENTITY, 
    codigo NVARCHAR(20) NOT NULL, 
    nombre NVARCHAR(60) NOT NULL, 
    CONSTRAINT pk_tipos_establecimiento PRIMARY KEY (id), 
    CONSTRAINT uq_tipos_establecimiento_codigo UNIQUE (codigo)
);

GO

CREATE TABLE productos (
    id INTEGER NOT NULL IDENTITY, 
    codigo NVARCHAR(30) NOT NULL, 
    nombre NVARCHAR(120) NOT NULL, 
    nombre_busqueda NVARCHAR(120) NOT NULL, 
    categoria NVARCHAR(60) NOT NULL, 
    marca NVARCHAR(60) NULL, 
    presentacion NVARCHAR(40) NULL, 
    precio NUMERIC(16, 2) NOT NULL, 
    iva SMALLINT NOT NULL, 
    activo BIT NOT NULL, 
    creado_por_id INTEGER NULL, 
    creado_en DATETIME2 NOT NULL, 
    actualizado_en DATETIME2 NOT NULL, 
    CONSTRAINT pk_productos PRIMARY KEY (id), 
    CONSTRAINT ck_productos_iva_valido CHECK (iva IN (0, 5, 19)), 
    CONSTRAINT ck_productos_precio_positivo CHECK (precio > 0), 
    CONSTRAINT fk_productos_creado_por_id_usuarios FOREIGN KEY(creado_por_id) REFERENCES usuarios (id), 
    CONSTRAINT uq_productos_codigo UNIQUE (codigo)
);

GO

CREATE INDEX ix_productos_categoria_codigo ON productos (categoria, codigo);

GO

CREATE TABLE establecimientos (
    id INTEGER NOT NULL IDENTITY, 
    nombre NVARCHAR(120) NOT NULL, 
    nombre_busqueda NVARCHAR(120) NOT NULL, 
    tipo_id INTEGER NOT NULL, 
    nit NVARCHAR(9) NULL, 
    ciudad NVARCHAR(80) NOT NULL, 
    departamento NVARCHAR(60) NOT NULL, 
    direccion NVARCHAR(200) NOT NULL, 
    telefono NVARCHAR(20) NULL, 
    latitud NUMERIC(9, 6) NULL, 
    longitud NUMERIC(9, 6) NULL, 
    vendedor_id INTEGER NULL, 
    activo BIT NOT NULL, 
    creado_por_id INTEGER NULL, 
    creado_en DATETIME2 NOT NULL, 
    actualizado_en DATETIME2 NOT NULL, 
    CONSTRAINT pk_establecimientos PRIMARY KEY (id), 
    CONSTRAINT ck_establecimientos_coordenadas_completas CHECK ((latitud IS NULL AND longitud IS NULL) OR (latitud IS NOT NULL AND longitud IS NOT NULL)), 
    CONSTRAINT ck_establecimientos_latitud_en_colombia CHECK (latitud >= -4.3 AND latitud <= 13.5), 
    CONSTRAINT ck_establecimientos_longitud_en_colombia CHECK (longitud >= -82.0 AND longitud <= -66.8), 
    CONSTRAINT fk_establecimientos_creado_por_id_usuarios FOREIGN KEY(creado_por_id) REFERENCES usuarios (id), 
    CONSTRAINT fk_establecimientos_tipo_id_tipos_establecimiento FOREIGN KEY(tipo_id) REFERENCES tipos_establecimiento (id), 
    CONSTRAINT fk_establecimientos_vendedor_id_usuarios FOREIGN KEY(vendedor_id) REFERENCES usuarios (id)
);

GO

CREATE INDEX ix_establecimientos_ciudad_nombre ON establecimientos (ciudad, nombre);

GO

CREATE INDEX ix_establecimientos_tipo_id ON establecimientos (tipo_id);

GO

CREATE INDEX ix_establecimientos_vendedor_id_activo ON establecimientos (vendedor_id, activo);

GO

CREATE UNIQUE INDEX uq_establecimientos_nit ON establecimientos (nit) WHERE nit IS NOT NULL;

GO

CREATE TABLE portafolios (
    id INTEGER NOT NULL IDENTITY, 
    nombre NVARCHAR(120) NOT NULL, 
    tipo_id INTEGER NOT NULL, 
    vigente_desde DATETIME NOT NULL, 
    activo BIT NOT NULL, 
    creado_por_id INTEGER NULL, 
    creado_en DATETIME2 NOT NULL, 
    CONSTRAINT pk_portafolios PRIMARY KEY (id), 
    CONSTRAINT fk_portafolios_creado_por_id_usuarios FOREIGN KEY(creado_por_id) REFERENCES usuarios (id), 
    CONSTRAINT fk_portafolios_tipo_id_tipos_establecimiento FOREIGN KEY(tipo_id) REFERENCES tipos_establecimiento (id)
);

GO

CREATE INDEX ix_portafolios_tipo_id_activo_vigente_desde ON portafolios (tipo_id, activo, vigente_desde);

GO

CREATE TABLE lineas_portafolio (
    id INTEGER NOT NULL IDENTITY, 
    portafolio_id INTEGER NOT NULL, 
    producto_id INTEGER NOT NULL, 
    cantidad_minima INTEGER NOT NULL, 
    obligatorio BIT NOT NULL, 
    precio_sugerido NUMERIC(16, 2) NULL, 
    orden INTEGER NOT NULL, 
    CONSTRAINT pk_lineas_portafolio PRIMARY KEY (id), 
    CONSTRAINT ck_lineas_portafolio_cantidad_minima_positiva CHECK (cantidad_minima >= 1), 
    CONSTRAINT ck_lineas_portafolio_precio_sugerido_positivo CHECK (precio_sugerido IS NULL OR precio_sugerido > 0), 
    CONSTRAINT fk_lineas_portafolio_portafolio_id_portafolios FOREIGN KEY(portafolio_id) REFERENCES portafolios (id), 
    CONSTRAINT fk_lineas_portafolio_producto_id_productos FOREIGN KEY(producto_id) REFERENCES productos (id), 
    CONSTRAINT uq_lineas_portafolio_portafolio_id_producto_id UNIQUE (portafolio_id, producto_id)
);

GO

CREATE INDEX ix_lineas_portafolio_producto_id ON lineas_portafolio (producto_id);

GO

INSERT INTO tipos_establecimiento (codigo, nombre) VALUES (N'TIENDA', N'Tienda de barrio');

GO

INSERT INTO tipos_establecimiento (codigo, nombre) VALUES (N'MINIMERCADO', N'Minimercado');

GO

INSERT INTO tipos_establecimiento (codigo, nombre) VALUES (N'SUPERMERCADO', N'Supermercado');

GO

INSERT INTO tipos_establecimiento (codigo, nombre) VALUES (N'PANADERIA', N'Panadería');

GO

INSERT INTO tipos_establecimiento (codigo, nombre) VALUES (N'DROGUERIA', N'Droguería');

GO

UPDATE alembic_version SET version_num='0004' WHERE alembic_version.version_num = '0003';

GO

-- Running upgrade 0004 -> 0005

CREATE TABLE correos (
    id INTEGER NOT NULL IDENTITY, 
    destinatario NVARCHAR(254) NOT NULL, 
    asunto NVARCHAR(200) NOT NULL, 
    cuerpo TEXT NOT NULL, 
    referencia NVARCHAR(80) NULL, 
    estado NVARCHAR(10) NOT NULL, 
    intentos INTEGER NOT NULL, 
    ultimo_error NVARCHAR(300) NULL, 
    creado_en DATETIME2 NOT NULL, 
    proximo_intento_en DATETIME2 NOT NULL, 
    enviado_en DATETIME2 NULL, 
    CONSTRAINT pk_correos PRIMARY KEY (id), 
    CONSTRAINT ck_correos_estado_valido CHECK (estado IN ('pendiente', 'enviado', 'fallido')), 
    CONSTRAINT ck_correos_intentos_no_negativos CHECK (intentos >= 0)
);

GO

CREATE INDEX ix_correos_estado_proximo_intento_en ON correos (estado, proximo_intento_en);

GO

CREATE INDEX ix_correos_destinatario_creado_en ON correos (destinatario, creado_en);

GO

CREATE TABLE correo_adjuntos (
    id INTEGER NOT NULL IDENTITY, 
    correo_id INTEGER NOT NULL, 
    nombre NVARCHAR(120) NOT NULL, 
    tipo_mime NVARCHAR(80) NOT NULL, 
    contenido IMAGE NOT NULL, 
    CONSTRAINT pk_correo_adjuntos PRIMARY KEY (id), 
    CONSTRAINT fk_correo_adjuntos_correo_id_correos FOREIGN KEY(correo_id) REFERENCES correos (id) ON DELETE CASCADE
);

GO

CREATE INDEX ix_correo_adjuntos_correo_id ON correo_adjuntos (correo_id);

GO

UPDATE alembic_version SET version_num='0005' WHERE alembic_version.version_num = '0004';

GO

-- Running upgrade 0005 -> 0006

CREATE TABLE entregas_repartidores (
    id INTEGER NOT NULL, 
    nombre NVARCHAR(80) NOT NULL, 
    activo BIT NOT NULL, 
    CONSTRAINT pk_entregas_repartidores PRIMARY KEY (id)
);

GO

CREATE TABLE entregas_productos (
    id NVARCHAR(10) NOT NULL, 
    nombre NVARCHAR(80) NOT NULL, 
    precio NUMERIC(16, 2) NOT NULL, 
    CONSTRAINT pk_entregas_productos PRIMARY KEY (id), 
    CONSTRAINT ck_entregas_productos_precio_no_negativo CHECK (precio >= 0)
);

GO

CREATE TABLE entregas_dispositivos (
    id INTEGER NOT NULL IDENTITY, 
    nombre NVARCHAR(60) NOT NULL, 
    clave_hash NVARCHAR(64) NOT NULL, 
    clave_cifrada TEXT NULL, 
    firmar BIT NOT NULL, 
    demo BIT NOT NULL, 
    creado_en DATETIME2 NOT NULL, 
    revocado_en DATETIME2 NULL, 
    CONSTRAINT pk_entregas_dispositivos PRIMARY KEY (id), 
    CONSTRAINT uq_entregas_dispositivos_clave_hash UNIQUE (clave_hash), 
    CONSTRAINT uq_entregas_dispositivos_nombre UNIQUE (nombre)
);

GO

CREATE TABLE entregas_pedidos (
    id INTEGER NOT NULL IDENTITY, 
    pedido_id NVARCHAR(64) NOT NULL, 
    repartidor_id INTEGER NOT NULL, 
    dispositivo_id INTEGER NULL, 
    unidades INTEGER NOT NULL, 
    total NUMERIC(16, 2) NOT NULL, 
    huella NVARCHAR(64) NOT NULL, 
    entregado_en DATETIME2 NOT NULL, 
    registrado_en DATETIME2 NOT NULL, 
    CONSTRAINT pk_entregas_pedidos PRIMARY KEY (id), 
    CONSTRAINT ck_entregas_pedidos_unidades_positivas CHECK (unidades > 0), 
    CONSTRAINT ck_entregas_pedidos_total_no_negativo CHECK (total >= 0), 
    CONSTRAINT fk_entregas_pedidos_dispositivo_id_entregas_dispositivos FOREIGN KEY(dispositivo_id) REFERENCES entregas_dispositivos (id) ON DELETE SET NULL, 
    CONSTRAINT fk_entregas_pedidos_repartidor_id_entregas_repartidores FOREIGN KEY(repartidor_id) REFERENCES entregas_repartidores (id), 
    CONSTRAINT uq_entregas_pedidos_pedido_id UNIQUE (pedido_id)
);

GO

CREATE INDEX ix_entregas_pedidos_entregado_en ON entregas_pedidos (entregado_en);

GO

CREATE INDEX ix_entregas_pedidos_registrado_en ON entregas_pedidos (registrado_en);

GO

CREATE TABLE entregas_lineas (
    id INTEGER NOT NULL IDENTITY, 
    pedido_id INTEGER NOT NULL, 
    producto_id NVARCHAR(10) NOT NULL, 
    cantidad INTEGER NOT NULL, 
    precio NUMERIC(16, 2) NOT NULL, 
    CONSTRAINT pk_entregas_lineas PRIMARY KEY (id), 
    CONSTRAINT ck_entregas_lineas_cantidad_positiva CHECK (cantidad > 0), 
    CONSTRAINT ck_entregas_lineas_precio_no_negativo CHECK (precio >= 0), 
    CONSTRAINT fk_entregas_lineas_pedido_id_entregas_pedidos FOREIGN KEY(pedido_id) REFERENCES entregas_pedidos (id) ON DELETE CASCADE, 
    CONSTRAINT fk_entregas_lineas_producto_id_entregas_productos FOREIGN KEY(producto_id) REFERENCES entregas_productos (id), 
    CONSTRAINT uq_entregas_lineas_pedido_id_producto_id UNIQUE (pedido_id, producto_id)
);

GO

CREATE INDEX ix_entregas_lineas_producto_id ON entregas_lineas (producto_id);

GO

CREATE TABLE entregas_firmas (
    id INTEGER NOT NULL IDENTITY, 
    dispositivo_id INTEGER NOT NULL, 
    t BIGINT NOT NULL, 
    v1 NVARCHAR(64) NOT NULL, 
    CONSTRAINT pk_entregas_firmas PRIMARY KEY (id), 
    CONSTRAINT fk_entregas_firmas_dispositivo_id_entregas_dispositivos FOREIGN KEY(dispositivo_id) REFERENCES entregas_dispositivos (id) ON DELETE CASCADE, 
    CONSTRAINT uq_entregas_firmas_dispositivo_id_t_v1 UNIQUE (dispositivo_id, t, v1)
);

GO

CREATE INDEX ix_entregas_firmas_t ON entregas_firmas (t);

GO

INSERT INTO entregas_repartidores (id, nombre, activo) VALUES (101, N'María López', 1);

GO

INSERT INTO entregas_repartidores (id, nombre, activo) VALUES (102, N'Carlos García', 1);

GO

INSERT INTO entregas_repartidores (id, nombre, activo) VALUES (103, N'Ana Fernández', 1);

GO

INSERT INTO entregas_repartidores (id, nombre, activo) VALUES (104, N'Juan Martínez', 1);

GO

INSERT INTO entregas_repartidores (id, nombre, activo) VALUES (105, N'Laura Sánchez', 1);

GO

INSERT INTO entregas_repartidores (id, nombre, activo) VALUES (106, N'Pedro Gómez', 1);

GO

INSERT INTO entregas_repartidores (id, nombre, activo) VALUES (107, N'Elena Rodríguez', 1);

GO

INSERT INTO entregas_repartidores (id, nombre, activo) VALUES (108, N'Jorge Pérez', 1);

GO

INSERT INTO entregas_repartidores (id, nombre, activo) VALUES (109, N'Sofía Morales', 1);

GO

INSERT INTO entregas_repartidores (id, nombre, activo) VALUES (110, N'Daniel Castillo', 1);

GO

INSERT INTO entregas_productos (id, nombre, precio) VALUES (N'pk0001', N'Moneda', 1.00);

GO

INSERT INTO entregas_productos (id, nombre, precio) VALUES (N'pk0002', N'Estuche para gafas', 8.00);

GO

INSERT INTO entregas_productos (id, nombre, precio) VALUES (N'pk0003', N'Pequeño espejo de bolsillo', 5.00);

GO

INSERT INTO entregas_productos (id, nombre, precio) VALUES (N'pk0004', N'Pendrive', 12.00);

GO

INSERT INTO entregas_productos (id, nombre, precio) VALUES (N'pk0005', N'Tarjeta SIM', 3.00);

GO

INSERT INTO entregas_productos (id, nombre, precio) VALUES (N'pk0006', N'Adaptador de corriente', 10.00);

GO

INSERT INTO entregas_productos (id, nombre, precio) VALUES (N'pk0007', N'Tijeras pequeñas', 4.00);

GO

INSERT INTO entregas_productos (id, nombre, precio) VALUES (N'pk0008', N'Pila de botón', 2.50);

GO

INSERT INTO entregas_productos (id, nombre, precio) VALUES (N'pk0009', N'Goma de borrar', 0.50);

GO

INSERT INTO entregas_productos (id, nombre, precio) VALUES (N'pk0010', N'Clip sujetapapeles', 0.20);

GO

UPDATE alembic_version SET version_num='0006' WHERE alembic_version.version_num = '0005';

GO

-- Running upgrade 0006 -> 0007

CREATE TABLE beneficios (
    id INTEGER NOT NULL IDENTITY, 
    codigo NVARCHAR(24) NOT NULL, 
    cliente_id INTEGER NOT NULL, 
    regla NVARCHAR(20) NOT NULL, 
    mes NVARCHAR(7) NOT NULL, 
    porcentaje SMALLINT NOT NULL, 
    tope BIGINT NOT NULL, 
    otorgado_en DATETIME2 NOT NULL, 
    vence_en DATETIME NOT NULL, 
    estado NVARCHAR(10) NOT NULL, 
    usado_en DATETIME2 NULL, 
    CONSTRAINT pk_beneficios PRIMARY KEY (id), 
    CONSTRAINT ck_beneficios_usado_con_fecha CHECK (estado <> 'usado' OR usado_en IS NOT NULL), 
    CONSTRAINT ck_beneficios_estado_valido CHECK (estado IN ('disponible', 'usado', 'vencido')), 
    CONSTRAINT ck_beneficios_regla_valida CHECK (regla IN ('pago_oportuno', 'cliente_fiel')), 
    CONSTRAINT ck_beneficios_porcentaje_en_rango CHECK (porcentaje > 0 AND porcentaje <= 100), 
    CONSTRAINT ck_beneficios_tope_positivo CHECK (tope > 0), 
    CONSTRAINT fk_beneficios_cliente_id_clientes FOREIGN KEY(cliente_id) REFERENCES clientes (id), 
    CONSTRAINT uq_beneficios_cliente_id_regla_mes UNIQUE (cliente_id, regla, mes), 
    CONSTRAINT uq_beneficios_codigo UNIQUE (codigo)
);

GO

CREATE INDEX ix_beneficios_estado_vence_en ON beneficios (estado, vence_en);

GO

CREATE TABLE contratos (
    id INTEGER NOT NULL IDENTITY, 
    numero_contrato NVARCHAR(12) NOT NULL, 
    cliente_id INTEGER NOT NULL, 
    servicio NVARCHAR(10) NOT NULL, 
    direccion NVARCHAR(200) NOT NULL, 
    ciudad NVARCHAR(80) NOT NULL, 
    estado NVARCHAR(12) NOT NULL, 
    fecha_inicio DATETIME NOT NULL, 
    creado_en DATETIME2 NOT NULL, 
    actualizado_en DATETIME2 NOT NULL, 
    CONSTRAINT pk_contratos PRIMARY KEY (id), 
    CONSTRAINT ck_contratos_estado_valido CHECK (estado IN ('activo', 'suspendido', 'retirado')), 
    CONSTRAINT ck_contratos_servicio_valido CHECK (servicio IN ('energia', 'agua', 'gas', 'internet')), 
    CONSTRAINT fk_contratos_cliente_id_clientes FOREIGN KEY(cliente_id) REFERENCES clientes (id), 
    CONSTRAINT uq_contratos_numero_contrato UNIQUE (numero_contrato)
);

GO

CREATE INDEX ix_contratos_cliente_id ON contratos (cliente_id);

GO

CREATE TABLE cupones (
    id INTEGER NOT NULL IDENTITY, 
    numero NVARCHAR(13) NOT NULL, 
    contrato_id INTEGER NOT NULL, 
    subtotal BIGINT NOT NULL, 
    descuento BIGINT NOT NULL, 
    valor BIGINT NOT NULL, 
    beneficio_id INTEGER NULL, 
    fecha_emision DATETIME NOT NULL, 
    fecha_limite DATETIME NOT NULL, 
    estado NVARCHAR(10) NOT NULL, 
    codigo_barras NVARCHAR(80) NOT NULL, 
    creado_en DATETIME2 NOT NULL, 
    cerrado_en DATETIME2 NULL, 
    CONSTRAINT pk_cupones PRIMARY KEY (id), 
    CONSTRAINT ck_cupones_estado_valido CHECK (estado IN ('emitido', 'pagado', 'vencido', 'anulado')), 
    CONSTRAINT ck_cupones_descuento_con_beneficio CHECK (beneficio_id IS NOT NULL OR descuento = 0), 
    CONSTRAINT ck_cupones_descuento_en_rango CHECK (descuento >= 0 AND descuento <= subtotal), 
    CONSTRAINT ck_cupones_limite_tras_emision CHECK (fecha_limite >= fecha_emision), 
    CONSTRAINT ck_cupones_subtotal_positivo CHECK (subtotal > 0), 
    CONSTRAINT ck_cupones_valor_con_descuento CHECK (valor = subtotal - descuento), 
    CONSTRAINT fk_cupones_beneficio_id_beneficios FOREIGN KEY(beneficio_id) REFERENCES beneficios (id), 
    CONSTRAINT fk_cupones_contrato_id_contratos FOREIGN KEY(contrato_id) REFERENCES contratos (id), 
    CONSTRAINT uq_cupones_numero UNIQUE (numero)
);

GO

CREATE INDEX ix_cupones_beneficio_id ON cupones (beneficio_id);

GO

CREATE INDEX ix_cupones_contrato_id_estado ON cupones (contrato_id, estado);

GO

CREATE INDEX ix_cupones_estado_fecha_limite ON cupones (estado, fecha_limite);

GO

CREATE TABLE eventos_contrato (
    id INTEGER NOT NULL IDENTITY, 
    contrato_id INTEGER NOT NULL, 
    tipo NVARCHAR(20) NOT NULL, 
    fecha DATETIME2 NOT NULL, 
    descripcion NVARCHAR(300) NOT NULL, 
    referencia NVARCHAR(80) NULL, 
    valor BIGINT NULL, 
    CONSTRAINT pk_eventos_contrato PRIMARY KEY (id), 
    CONSTRAINT ck_eventos_contrato_tipo_valido CHECK (tipo IN ('factura_emitida', 'factura_vencida', 'cupon_generado', 'cupon_anulado', 'cupon_vencido', 'pago', 'correo_enviado', 'beneficio_otorgado', 'beneficio_usado', 'beneficio_vencido')), 
    CONSTRAINT fk_eventos_contrato_contrato_id_contratos FOREIGN KEY(contrato_id) REFERENCES contratos (id) ON DELETE CASCADE
);

GO

CREATE INDEX ix_eventos_contrato_contrato_id_fecha ON eventos_contrato (contrato_id, fecha);

GO

CREATE TABLE facturas (
    id INTEGER NOT NULL IDENTITY, 
    numero_factura NVARCHAR(30) NOT NULL, 
    contrato_id INTEGER NOT NULL, 
    periodo NVARCHAR(7) NOT NULL, 
    fecha_emision DATETIME NOT NULL, 
    fecha_vencimiento DATETIME NOT NULL, 
    valor BIGINT NOT NULL, 
    saldo BIGINT NOT NULL, 
    estado NVARCHAR(10) NOT NULL, 
    pagada_en DATETIME2 NULL, 
    creado_en DATETIME2 NOT NULL, 
    actualizado_en DATETIME2 NOT NULL, 
    CONSTRAINT pk_facturas PRIMARY KEY (id), 
    CONSTRAINT ck_facturas_pagada_sin_saldo CHECK (estado <> 'pagada' OR (saldo = 0 AND pagada_en IS NOT NULL)), 
    CONSTRAINT ck_facturas_estado_valido CHECK (estado IN ('pendiente', 'pagada', 'vencida', 'anulada')), 
    CONSTRAINT ck_facturas_vence_tras_emision CHECK (fecha_vencimiento >= fecha_emision), 
    CONSTRAINT ck_facturas_saldo_en_rango CHECK (saldo >= 0 AND saldo <= valor), 
    CONSTRAINT ck_facturas_valor_positivo CHECK (valor > 0), 
    CONSTRAINT fk_facturas_contrato_id_contratos FOREIGN KEY(contrato_id) REFERENCES contratos (id), 
    CONSTRAINT uq_facturas_contrato_id_periodo UNIQUE (contrato_id, periodo), 
    CONSTRAINT uq_facturas_numero_factura UNIQUE (numero_factura)
);

GO

CREATE INDEX ix_facturas_estado_fecha_vencimiento ON facturas (estado, fecha_vencimiento);

GO

CREATE INDEX ix_facturas_fecha_vencimiento ON facturas (fecha_vencimiento);

GO

CREATE TABLE notificaciones (
    id INTEGER NOT NULL IDENTITY, 
    usuario_id INTEGER NOT NULL, 
    tipo NVARCHAR(30) NOT NULL, 
    mensaje NVARCHAR(300) NOT NULL, 
    referencia NVARCHAR(80) NULL, 
    creada_en DATETIME2 NOT NULL, 
    leida_en DATETIME2 NULL, 
    CONSTRAINT pk_notificaciones PRIMARY KEY (id), 
    CONSTRAINT fk_notificaciones_usuario_id_usuarios FOREIGN KEY(usuario_id) REFERENCES usuarios (id) ON DELETE CASCADE
);

GO

CREATE INDEX ix_notificaciones_tipo_referencia ON notificaciones (tipo, referencia);

GO

CREATE INDEX ix_notificaciones_usuario_id_creada_en ON notificaciones (usuario_id, creada_en);

GO

CREATE TABLE verificaciones_registro (
    id INTEGER NOT NULL IDENTITY, 
    token_hash NVARCHAR(64) NOT NULL, 
    usuario_id INTEGER NOT NULL, 
    creado_en DATETIME2 NOT NULL, 
    vence_en DATETIME2 NOT NULL, 
    usado_en DATETIME2 NULL, 
    CONSTRAINT pk_verificaciones_registro PRIMARY KEY (id), 
    CONSTRAINT fk_verificaciones_registro_usuario_id_usuarios FOREIGN KEY(usuario_id) REFERENCES usuarios (id) ON DELETE CASCADE, 
    CONSTRAINT uq_verificaciones_registro_token_hash UNIQUE (token_hash)
);

GO

CREATE INDEX ix_verificaciones_registro_usuario_id ON verificaciones_registro (usuario_id);

GO

CREATE TABLE cupon_facturas (
    id INTEGER NOT NULL IDENTITY, 
    cupon_id INTEGER NOT NULL, 
    factura_id INTEGER NOT NULL, 
    orden INTEGER NOT NULL, 
    saldo BIGINT NOT NULL, 
    CONSTRAINT pk_cupon_facturas PRIMARY KEY (id), 
    CONSTRAINT ck_cupon_facturas_saldo_positivo CHECK (saldo > 0), 
    CONSTRAINT fk_cupon_facturas_cupon_id_cupones FOREIGN KEY(cupon_id) REFERENCES cupones (id) ON DELETE CASCADE, 
    CONSTRAINT fk_cupon_facturas_factura_id_facturas FOREIGN KEY(factura_id) REFERENCES facturas (id), 
    CONSTRAINT uq_cupon_facturas_cupon_id_factura_id UNIQUE (cupon_id, factura_id)
);

GO

CREATE INDEX ix_cupon_facturas_factura_id ON cupon_facturas (factura_id);

GO

CREATE TABLE pagos (
    id INTEGER NOT NULL IDENTITY, 
    cupon_id INTEGER NOT NULL, 
    valor BIGINT NOT NULL, 
    canal NVARCHAR(15) NOT NULL, 
    referencia NVARCHAR(64) NOT NULL, 
    pagado_en DATETIME2 NOT NULL, 
    registrado_por_id INTEGER NULL, 
    CONSTRAINT pk_pagos PRIMARY KEY (id), 
    CONSTRAINT ck_pagos_canal_valido CHECK (canal IN ('banco', 'portal', 'corresponsal')), 
    CONSTRAINT ck_pagos_valor_no_negativo CHECK (valor >= 0), 
    CONSTRAINT fk_pagos_cupon_id_cupones FOREIGN KEY(cupon_id) REFERENCES cupones (id), 
    CONSTRAINT fk_pagos_registrado_por_id_usuarios FOREIGN KEY(registrado_por_id) REFERENCES usuarios (id), 
    CONSTRAINT uq_pagos_canal_referencia UNIQUE (canal, referencia), 
    CONSTRAINT uq_pagos_cupon_id UNIQUE (cupon_id)
);

GO

CREATE INDEX ix_pagos_pagado_en ON pagos (pagado_en);

GO

ALTER TABLE usuarios ALTER COLUMN usuario NVARCHAR(254) NOT NULL;

GO

ALTER TABLE usuarios ADD cliente_id INTEGER NULL;

GO

ALTER TABLE usuarios ADD correo_verificado_en DATETIME2 NULL;

GO

CREATE INDEX ix_usuarios_cliente_id ON usuarios (cliente_id);

GO

ALTER TABLE usuarios ADD CONSTRAINT fk_usuarios_cliente_id_clientes FOREIGN KEY(cliente_id) REFERENCES clientes (id);

GO

ALTER TABLE usuarios ADD CONSTRAINT ck_usuarios_cliente_solo_portal CHECK (cliente_id IS NULL OR rol = 'cliente');

GO

UPDATE alembic_version SET version_num='0007' WHERE alembic_version.version_num = '0006';

GO

-- Running upgrade 0007 -> 0008

ALTER TABLE clientes ADD telefono_nacional NVARCHAR(20) COLLATE Latin1_General_BIN2 NULL;

GO

ALTER TABLE clientes ADD correo_normalizado NVARCHAR(254) COLLATE Latin1_General_BIN2 NULL;

GO

CREATE TABLE cliente_palabras (
    cliente_id INTEGER NOT NULL, 
    palabra NVARCHAR(60) COLLATE Latin1_General_BIN2 NOT NULL, 
    previa NVARCHAR(60) COLLATE Latin1_General_BIN2 NOT NULL, 
    apellido NVARCHAR(150) COLLATE Latin1_General_BIN2 NOT NULL, 
    nombre NVARCHAR(150) COLLATE Latin1_General_BIN2 NOT NULL, 
    clave NVARCHAR(310) COLLATE Latin1_General_BIN2 NOT NULL, 
    CONSTRAINT pk_cliente_palabras PRIMARY KEY (cliente_id, palabra), 
    CONSTRAINT fk_cliente_palabras_cliente_id_clientes FOREIGN KEY(cliente_id) REFERENCES clientes (id) ON DELETE CASCADE
);

GO

CREATE TABLE cliente_pares (
    cliente_id INTEGER NOT NULL, 
    par NVARCHAR(7) COLLATE Latin1_General_BIN2 NOT NULL, 
    apellido NVARCHAR(150) COLLATE Latin1_General_BIN2 NOT NULL, 
    nombre NVARCHAR(150) COLLATE Latin1_General_BIN2 NOT NULL, 
    clave NVARCHAR(310) COLLATE Latin1_General_BIN2 NOT NULL, 
    CONSTRAINT pk_cliente_pares PRIMARY KEY (cliente_id, par), 
    CONSTRAINT fk_cliente_pares_cliente_id_clientes FOREIGN KEY(cliente_id) REFERENCES clientes (id) ON DELETE CASCADE
);

GO

CREATE INDEX ix_clientes_telefono_nacional ON clientes (telefono_nacional);

GO

CREATE INDEX ix_clientes_correo_normalizado ON clientes (correo_normalizado);

GO

CREATE INDEX ix_cliente_palabras_palabra ON cliente_palabras (palabra, apellido, nombre, cliente_id, previa, clave);

GO

CREATE INDEX ix_cliente_palabras_conteo ON cliente_palabras (palabra, previa);

GO

CREATE INDEX ix_cliente_pares_par ON cliente_pares (par, apellido, nombre, cliente_id, clave);

GO

CREATE TABLE notas_cliente (
    id INTEGER NOT NULL IDENTITY, 
    cliente_id INTEGER NOT NULL, 
    usuario_id INTEGER NOT NULL, 
    texto NVARCHAR(2000) NOT NULL, 
    motivo NVARCHAR(300) NULL, 
    creada_en DATETIME2 NOT NULL, 
    editada_en DATETIME2 NULL, 
    CONSTRAINT pk_notas_cliente PRIMARY KEY (id), 
    CONSTRAINT fk_notas_cliente_cliente_id_clientes FOREIGN KEY(cliente_id) REFERENCES clientes (id), 
    CONSTRAINT fk_notas_cliente_usuario_id_usuarios FOREIGN KEY(usuario_id) REFERENCES usuarios (id)
);

GO

CREATE INDEX ix_notas_cliente_cliente_id_creada_en ON notas_cliente (cliente_id, creada_en);

GO

CREATE TABLE notas_cliente_versiones (
    id INTEGER NOT NULL IDENTITY, 
    nota_id INTEGER NOT NULL, 
    texto NVARCHAR(2000) NOT NULL, 
    reemplazada_en DATETIME2 NOT NULL, 
    CONSTRAINT pk_notas_cliente_versiones PRIMARY KEY (id), 
    CONSTRAINT fk_notas_cliente_versiones_nota_id_notas_cliente FOREIGN KEY(nota_id) REFERENCES notas_cliente (id)
);

GO

CREATE INDEX ix_notas_cliente_versiones_nota_id ON notas_cliente_versiones (nota_id);

GO

UPDATE alembic_version SET version_num='0008' WHERE alembic_version.version_num = '0007';

GO

-- Running upgrade 0008 -> 0009

CREATE TABLE reportes_historial (
    id INTEGER NOT NULL IDENTITY, 
    mes NVARCHAR(7) NOT NULL, 
    umbral NUMERIC(16, 2) NOT NULL, 
    filas INTEGER NOT NULL, 
    total NUMERIC(16, 2) NOT NULL, 
    sha256 NVARCHAR(64) NOT NULL, 
    generado_por NVARCHAR(120) NOT NULL, 
    generado_en DATETIME2 NOT NULL, 
    origen NVARCHAR(12) NOT NULL, 
    nombre NVARCHAR(120) NOT NULL, 
    tipo_mime NVARCHAR(80) NOT NULL, 
    contenido IMAGE NOT NULL, 
    CONSTRAINT pk_reportes_historial PRIMARY KEY (id), 
    CONSTRAINT ck_reportes_historial_origen_valido CHECK (origen IN ('pantalla', 'api', 'cli', 'programado')), 
    CONSTRAINT ck_reportes_historial_filas_no_negativas CHECK (filas >= 0)
);

GO

CREATE INDEX ix_reportes_historial_generado_en ON reportes_historial (generado_en);

GO

UPDATE alembic_version SET version_num='0009' WHERE alembic_version.version_num = '0008';

GO

-- Running upgrade 0009 -> 0010

CREATE TABLE cliente_alias (
    id INTEGER NOT NULL IDENTITY, 
    tipo_documento_id INTEGER NOT NULL, 
    numero_documento NVARCHAR(20) NOT NULL, 
    cliente_id INTEGER NOT NULL, 
    absorbido_id INTEGER NOT NULL, 
    creado_en DATETIME2 NOT NULL, 
    CONSTRAINT pk_cliente_alias PRIMARY KEY (id), 
    CONSTRAINT fk_cliente_alias_tipo_documento_id_tipos_documento FOREIGN KEY(tipo_documento_id) REFERENCES tipos_documento (id), 
    CONSTRAINT fk_cliente_alias_cliente_id_clientes FOREIGN KEY(cliente_id) REFERENCES clientes (id), 
    CONSTRAINT fk_cliente_alias_absorbido_id_clientes FOREIGN KEY(absorbido_id) REFERENCES clientes (id), 
    CONSTRAINT uq_cliente_alias_tipo_documento_id_numero_documento UNIQUE (tipo_documento_id, numero_documento), 
    CONSTRAINT uq_cliente_alias_absorbido_id UNIQUE (absorbido_id)
);

GO

CREATE INDEX ix_cliente_alias_cliente_id ON cliente_alias (cliente_id);

GO

UPDATE alembic_version SET version_num='0010' WHERE alembic_version.version_num = '0009';

GO

-- Running upgrade 0010 -> 0011

ALTER TABLE clientes ADD telefono_invalido BIT NOT NULL DEFAULT 0;

GO

ALTER TABLE clientes ADD correo_invalido BIT NOT NULL DEFAULT 0;

GO

CREATE INDEX ix_clientes_telefono_invalido ON clientes (telefono_invalido, id);

GO

CREATE INDEX ix_clientes_correo_invalido ON clientes (correo_invalido, id);

GO

UPDATE alembic_version SET version_num='0011' WHERE alembic_version.version_num = '0010';

GO

COMMIT;

GO

