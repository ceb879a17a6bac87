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

COMMIT;

GO

