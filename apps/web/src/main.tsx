import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { readUrlIntoStore } from './stores/useUrlSync.js';
import './styles.css';

readUrlIntoStore();
createRoot(document.getElementById('root')!).render(<App />);
