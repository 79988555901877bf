import { existsSync, readdirSync } from 'node:fs';
import type { AdapterProbe } from './chooseBackend.js';
import { setBackendOrThrow } from './setBackendOrThrow.js';

/** Folders where the Vulkan loader looks for driver manifests on Linux. */
const VULKAN_ICD_FOLDERS = ['/etc/vulkan/icd.d', '/usr/share/vulkan/icd.d', '/usr/local/share/vulkan/icd.d'];

/**
 * Whether a Vulkan driver is declared on Linux. Checked before loading Dawn because Dawn prints
 * Vulkan loader warnings to stderr (which no option silences) on every start without a driver.
 */
function hasVulkanDriver(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.VK_ICD_FILENAMES || env.VK_DRIVER_FILES) return true;
  return VULKAN_ICD_FOLDERS.some((dir) => existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.json')));
}

/**
 * Looks for a WebGPU adapter through Dawn (the `webgpu` package) and installs Dawn's `navigator.gpu`
 * for tfjs. A software adapter (SwiftShader: Dawn marks it a fallback adapter) is reported as such.
 */
export async function probeWebgpuAdapter(): Promise<AdapterProbe> {
  if (process.platform === 'linux' && !hasVulkanDriver()) return { found: false, reason: 'no Vulkan driver installed (no ICD manifest found)' };
  let dawn: typeof import('webgpu');
  try {
    dawn = await import('webgpu');
  } catch (error) {
    return { found: false, reason: `the webgpu package failed to load (${(error as Error).message.split('\n')[0]})` };
  }
  const gpu = dawn.create([]);
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) return { found: false, reason: 'no WebGPU adapter (no usable Vulkan, Metal or D3D12 driver)' };
  Object.assign(globalThis, dawn.globals);
  // Node 20 has no `navigator`; later versions have one without `gpu`.
  const nav = ((globalThis as { navigator?: object }).navigator ??= {});
  Object.defineProperty(nav, 'gpu', { value: gpu, configurable: true });
  const info = adapter.info;
  const text = (s: string | undefined) => s?.trim() || null;
  const software = (info as { isFallbackAdapter?: boolean }).isFallbackAdapter === true || /swiftshader|llvmpipe|lavapipe/i.test(`${info.architecture} ${info.description}`);
  return {
    found: true,
    software,
    adapter: { vendor: text(info.vendor), name: text(info.device) ?? text(info.architecture) ?? text(info.description), driver: text(info.description) },
  };
}

/** Starts tfjs's webgpu backend on `navigator.gpu` (installed by `probeWebgpuAdapter`). */
export async function startWebgpu(): Promise<void> {
  // The backend registers itself on import only when navigator.gpu exists, hence imported late.
  await import('@tensorflow/tfjs-backend-webgpu');
  await setBackendOrThrow('webgpu');
}
