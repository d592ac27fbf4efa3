/** Stylesheets are bundled by Vite; importing one has only a side effect. */
declare module '*.css';
