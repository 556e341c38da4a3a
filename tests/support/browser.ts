export { launchChromium } from '../../server/chromium';
