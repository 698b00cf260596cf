// One made-up Kubernetes node, the same in every generated input that names pods: its pods (uids,
// names, namespaces, QoS class), their containers (names, 64-hex ids, images), and a memory scale
// per pod. Deterministic from a seed. Sample:
//   { uid: '3f1c…', name: 'checkout-7d9f8b6c5-x2k4q', namespace: 'shop', qos: 'burstable',
//     containers: [{ name: 'app', id: '9ab0…', image: 'registry.local/shop/checkout:1.4.2' }, …], scale: 3 }
import { Prng } from '../prng';

export interface NodeContainer {
  name: string;
  id: string;
  image: string;
}

export interface NodePod {
  uid: string;
  name: string;
  namespace: string;
  qos: 'burstable' | 'besteffort';
  containers: NodeContainer[];
  /** Multiplies the template's memory figures (1…8). */
  scale: number;
}

const APPS = ['checkout', 'cart', 'payments', 'search', 'catalog', 'orders', 'auth', 'gateway', 'reports', 'mailer', 'images', 'billing'];
const NAMESPACES = ['shop', 'platform', 'data', 'ml', 'kube-system', 'monitoring'];
const SIDECARS = ['envoy', 'fluent-bit', 'otel-agent'];

export function nodePods(count: number, containersPerPod = 2, seed = 7): NodePod[] {
  const rng = new Prng(seed);
  const pods: NodePod[] = [];
  for (let i = 0; i < count; i++) {
    const app = rng.pick(APPS);
    const name = `${app}-${rng.hex(9)}-${rng.hex(5)}`;
    const containers: NodeContainer[] = [{ name: 'app', id: rng.hex(64), image: `registry.local/${app}:${1 + rng.int(3)}.${rng.int(10)}.${rng.int(10)}` }];
    for (let c = 1; c < containersPerPod; c++) {
      const sidecar = SIDECARS[(c - 1) % SIDECARS.length] ?? 'sidecar';
      containers.push({ name: sidecar, id: rng.hex(64), image: `registry.local/${sidecar}:1.${rng.int(30)}` });
    }
    pods.push({ uid: rng.uuid(), name, namespace: rng.pick(NAMESPACES), qos: rng.next() < 0.8 ? 'burstable' : 'besteffort', containers, scale: 1 + rng.int(8) });
  }
  return pods;
}
