import { chromium } from 'playwright-core';
const B='http://127.0.0.1:8399';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext({ viewport:{width:1280,height:800} });
const page = await ctx.newPage();
await page.goto(B+'/zh/search', {waitUntil:'load'});
await page.keyboard.press('Shift');
await page.waitForFunction(()=>document.documentElement.dataset.app==='hydrated');
await page.focus('#search-query');
const st = async l => console.log(l, JSON.stringify(await page.evaluate(()=>({url:decodeURIComponent(location.search), hl:history.length, val:document.querySelector('#search-query').value, count:document.querySelector('.search-page__count')?.textContent, n:document.querySelectorAll('.search-page h2').length}))));
await st('init');
const cdp = await ctx.newCDPSession(page);
for (const comp of ['s','sh','shang','shang h','shang hai']) {
  await cdp.send('Input.imeSetComposition', {text: comp, selectionStart: comp.length, selectionEnd: comp.length});
  await page.waitForTimeout(400);
  await st('compose '+comp);
}
await cdp.send('Input.insertText', {text:'上海'});
await page.waitForTimeout(800);
await st('committed');
await page.keyboard.type('理工', {delay:100}); await page.waitForTimeout(800); await st('typed 理工');
await page.goBack(); await page.waitForTimeout(800); await st('back1');
await page.goBack(); await page.waitForTimeout(800); await st('back2');
await page.goBack(); await page.waitForTimeout(800); await st('back3');
await browser.close();
