// What `react-konva` resolves to in the app (an alias in vite.config.ts): react-konva's core with only the
// Konva shapes prelabel draws registered, instead of all of Konva (Text, Path, Sprite, filters...).
// A unit test keeps the list below equal to the shapes imported from 'react-konva' under app/ui.

import 'konva/lib/shapes/Circle.js';
import 'konva/lib/shapes/Ellipse.js';
import 'konva/lib/shapes/Image.js';
import 'konva/lib/shapes/Line.js';
import 'konva/lib/shapes/Rect.js';
import 'konva/lib/shapes/Transformer.js';

export * from 'react-konva/es/ReactKonvaCore.js';
