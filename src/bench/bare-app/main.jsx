// The benchmarks' baseline: React + React Flow + Recharts and nothing of Berth's.
// B8 compares the app's initial JavaScript with this page's (one ReactFlow and one
// LineChart); B5 pans `?nodes=500` (React Flow alone, plain nodes) as it pans the app.
// Plain JSX, not TSX: src/bench is type-checked as Node code, without DOM or JSX.
import '@xyflow/react/dist/style.css';
import { Background, ReactFlow } from '@xyflow/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Line, LineChart, XAxis, YAxis } from 'recharts';

const count = Number(new URLSearchParams(location.search).get('nodes') ?? 0);
const COLUMNS = 25;

function grid(n) {
  return Array.from({ length: n }, (_, i) => ({
    id: `n${i}`,
    position: { x: (i % COLUMNS) * 240, y: Math.floor(i / COLUMNS) * 160 },
    data: { label: `instance ${i}` },
  }));
}

const points = Array.from({ length: 60 }, (_, i) => ({ t: i, running: (i * 7) % 23 }));

function Bare() {
  if (count > 0) {
    return (
      <div style={{ position: 'fixed', inset: 0 }} data-testid="canvas">
        <ReactFlow
          defaultNodes={grid(count)}
          nodesDraggable={false}
          fitView
          minZoom={0.2}
          maxZoom={1.6}
        >
          <Background gap={24} size={1.5} />
        </ReactFlow>
      </div>
    );
  }
  return (
    <>
      <div style={{ width: 800, height: 400 }}>
        <ReactFlow defaultNodes={grid(2)} fitView />
      </div>
      <LineChart width={600} height={200} data={points}>
        <XAxis dataKey="t" />
        <YAxis />
        <Line dataKey="running" isAnimationActive={false} dot={false} />
      </LineChart>
    </>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <Bare />
  </StrictMode>,
);
