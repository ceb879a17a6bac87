export { nombreCompleto } from '@/lib/nombre';
