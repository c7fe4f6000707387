/** 代表结构's dimensions and values, for the interfaces that show RosterApp.structure() (the console's 概览). */
export { AGE_BANDS, DIMENSIONS, type Dimension, type Structure, UNRECORDED } from '../views/structure.js';
