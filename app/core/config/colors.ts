// Which config colours prelabel passes on to the ui: CSS colour names, hex, rgb()/rgba() and hsl()/hsla().
// Anything else (a `url(...)`, `var(...)`, an expression) is reported and dropped, since the ui puts
// these strings into styles: `background="url(https://...)"` would make the app fetch that URL.

const NAMES = new Set(
  (
    'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood ' +
    'cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray ' +
    'darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen ' +
    'darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue ' +
    'firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew ' +
    'hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan ' +
    'lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray ' +
    'lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue ' +
    'mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred ' +
    'midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid ' +
    'palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple ' +
    'rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue ' +
    'slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white ' +
    'whitesmoke yellow yellowgreen transparent'
  ).split(' '),
);

const HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const NUMBER = '[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:e[+-]?\\d+)?';
const ARG = `${NUMBER}(?:%|deg|rad|grad|turn)?`;
// rgb(1, 2, 3), rgba(1,2,3,.5), rgb(1 2 3 / 50%), hsl(120deg 50% 50%), hsla(120, 50%, 50%, 0.3)
const FUNCTION = new RegExp(`^(?:rgba?|hsla?)\\(\\s*${ARG}(?:\\s*,\\s*${ARG}){2}(?:\\s*,\\s*${ARG})?\\s*\\)$|^(?:rgba?|hsla?)\\(\\s*${ARG}(?:\\s+${ARG}){2}(?:\\s*\\/\\s*${ARG})?\\s*\\)$`, 'i');

/** Is `value` a plain colour: a CSS name, hex, rgb()/rgba() or hsl()/hsla() of numbers? */
export function isColor(value: string): boolean {
  const v = value.trim();
  return NAMES.has(v.toLowerCase()) || HEX.test(v) || FUNCTION.test(v);
}
